package io.esnode.driver.snmp.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.Opaque;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.UnsignedInteger32;

class VariableDecoderTest {
    private static final NumberInText TEXT = NumberInText.DEFAULT;

    @Test
    void counter64AboveSignedRangeStaysExactAndPositive() throws Exception {
        // 2^64 - 1 is -1 as a signed long
        NumericValue n = VariableDecoder.toNumber(new Counter64(-1L), TEXT);
        assertTrue(n.exact());
        assertEquals("18446744073709551615", Long.toUnsignedString(n.unsigned()));
        assertEquals(18446744073709551615.0, n.value());
        assertTrue(n.value() > 0);
    }

    @Test
    void counter32KeepsItsUnsignedValue() throws Exception {
        NumericValue n = VariableDecoder.toNumber(new Counter32(4294967295L), TEXT);
        assertTrue(n.exact());
        assertEquals(4294967295L, n.unsigned());
    }

    @Test
    void gaugesIntegersAndTimeTicksArePlainNumbers() throws Exception {
        assertEquals(4294967295.0, VariableDecoder.toNumber(new Gauge32(4294967295L), TEXT).value());
        assertFalse(VariableDecoder.toNumber(new Gauge32(7), TEXT).exact());
        assertEquals(7.0, VariableDecoder.toNumber(new UnsignedInteger32(7), TEXT).value());
        assertEquals(-2147483648.0, VariableDecoder.toNumber(new Integer32(Integer.MIN_VALUE), TEXT).value());
        // 360000 ticks of 1/100 s = 3600 s
        assertEquals(3600.0, VariableDecoder.toNumber(new TimeTicks(360000), TEXT).value());
    }

    @Test
    void opaqueFloatAndDoubleDecode() throws Exception {
        // 0x41640000 = 1.78125 * 2^3 = 14.25
        assertEquals(14.25, VariableDecoder.toNumber(new Opaque(bytes(0x9f, 0x78, 4, 0x41, 0x64, 0, 0)), TEXT).value());
        // double 0x4037000000000000 = 1.4375 * 2^4 = 23.0
        assertEquals(23.0, OpaqueNumber.decode(bytes(0x9f, 0x79, 8, 0x40, 0x37, 0, 0, 0, 0, 0, 0)).value());
        // uint64 wrapping 0xff..ff = 2^64 - 1, exact
        NumericValue u = OpaqueNumber.decode(bytes(0x9f, 0x7b, 8, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff));
        assertEquals("18446744073709551615", Long.toUnsignedString(u.unsigned()));
        // int64 0xff..fe = -2
        assertEquals(-2.0, OpaqueNumber.decode(bytes(0x9f, 0x7a, 8, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe)).value());
    }

    @Test
    void malformedOpaqueIsADecodeError() {
        assertThrows(DecodeException.class, () -> OpaqueNumber.decode(bytes(0x9f, 0x78, 4, 0x41, 0x64)));
        assertThrows(DecodeException.class, () -> OpaqueNumber.decode(bytes(0x04, 0x02, 0x41, 0x64)));
        assertThrows(DecodeException.class, () -> OpaqueNumber.decode(bytes(0x9f, 0x70, 1, 0)));
        assertThrows(DecodeException.class, () -> OpaqueNumber.decode(new byte[0]));
    }

    @Test
    void octetStringNumbersAreFoundByPattern() throws Exception {
        assertEquals(14.25, VariableDecoder.toNumber(new OctetString("14.250000"), TEXT).value());
        assertEquals(-3.5e2, VariableDecoder.toNumber(new OctetString("temp -3.5e2 units"), TEXT).value());
        assertEquals(23.0, VariableDecoder.toNumber(new OctetString("23 C"), NumberInText.of("([0-9]+) C")).value());
        assertThrows(DecodeException.class, () -> VariableDecoder.toNumber(new OctetString("n/a"), TEXT));
        assertThrows(IllegalArgumentException.class, () -> NumberInText.of("(unclosed"));
    }

    @Test
    void exceptionsAreMissingNotZero() {
        assertTrue(VariableDecoder.isMissing(Null.noSuchObject));
        assertTrue(VariableDecoder.isMissing(Null.noSuchInstance));
        assertTrue(VariableDecoder.isMissing(Null.endOfMibView));
        assertEquals("noSuchInstance", VariableDecoder.missingReason(Null.noSuchInstance));
        assertThrows(DecodeException.class, () -> VariableDecoder.toNumber(Null.endOfMibView, TEXT));
        assertFalse(VariableDecoder.isMissing(new Integer32(0)));
    }

    @Test
    void labelsAreCleanedText() {
        assertEquals("10.1.2.3", VariableDecoder.toLabel(new IpAddress("10.1.2.3")));
        assertEquals("Outlet 1", VariableDecoder.toLabel(new OctetString("Outlet 1\0\0")));
        assertEquals("Büro", VariableDecoder.toLabel(new OctetString("Büro".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        // 0xff is never UTF-8: replaced in the label, the rest kept; a tab is dropped
        assertEquals("\uFFFDab", VariableDecoder.toLabel(new OctetString(bytes(0xff, 'a', '\t', 'b'))));
        assertFalse(LabelText.isUtf8(bytes(0xff)));
        assertEquals(256, LabelText.clean("y".repeat(1000).getBytes()).length());
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
