package io.esnode.driver.modbus.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every data type in every byte/word order. The words are what the wire carries for one big-endian value:
 * ABCD as is, CDAB with the word order reversed, BADC with the two bytes of each word swapped, DCBA reversed.
 */
class RegisterDecoderTest {

    @Test
    void issueExampleFloatCdabDecodes() throws Exception {
        // CDAB: 0x729B 0x41B8 -> 0x41B8729B = +1.0111000 0111 0010 1001 1011 * 2^(0x83-127=4) = 23.05596
        assertEquals(23.05596, number(new int[] {0x729B, 0x41B8}, DataType.FLOAT32, WordOrder.CDAB), 1e-5);
    }

    @Test
    void issueExampleFloatAbcdDecodes() throws Exception {
        // 0x436E9BD4: exponent 0x86 = 134 -> 2^7, mantissa 1.8641305 -> 238.6087
        assertEquals(238.6087, number(new int[] {0x436E, 0x9BD4}, DataType.FLOAT32, WordOrder.ABCD), 1e-4);
    }

    @Test
    void issueExampleInt16WithScaleDecodes() throws Exception {
        // 0xFFD2 = 65490 - 65536 = -46; scale 0.1 -> -4.6
        double raw = number(new int[] {0xFFD2}, DataType.INT16, WordOrder.ABCD);
        assertEquals(-46.0, raw);
        assertEquals(-4.6, raw * 0.1, 1e-12);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        // 16 bit: 0xFFD2 (ABCD, CDAB: one word, no word to reverse) or 0xD2FF (BADC, DCBA: bytes swapped)
        "INT16,   ABCD, FFD2,                -46",
        "INT16,   CDAB, FFD2,                -46",
        "INT16,   BADC, D2FF,                -46",
        "INT16,   DCBA, D2FF,                -46",
        "UINT16,  ABCD, FFD2,                65490",       // 65536 - 46
        "UINT16,  CDAB, FFD2,                65490",
        "UINT16,  BADC, D2FF,                65490",
        "UINT16,  DCBA, D2FF,                65490",
        // 32 bit value 0x436E9BD4 = 4*16^7 + 3*16^6 + 6*16^5 + 14*16^4 + 9*16^3 + 11*16^2 + 13*16 + 4 = 1131322324
        "INT32,   ABCD, 436E 9BD4,           1131322324",
        "INT32,   CDAB, 9BD4 436E,           1131322324",
        "INT32,   BADC, 6E43 D49B,           1131322324",
        "INT32,   DCBA, D49B 6E43,           1131322324",
        "UINT32,  ABCD, 436E 9BD4,           1131322324",
        "UINT32,  CDAB, 9BD4 436E,           1131322324",
        "UINT32,  BADC, 6E43 D49B,           1131322324",
        "UINT32,  DCBA, D49B 6E43,           1131322324",
        // 0xFFFFFFD2: signed -46, unsigned 2^32 - 46 = 4294967250
        "INT32,   ABCD, FFFF FFD2,           -46",
        "INT32,   CDAB, FFD2 FFFF,           -46",
        "INT32,   BADC, FFFF D2FF,           -46",
        "INT32,   DCBA, D2FF FFFF,           -46",
        "UINT32,  ABCD, FFFF FFD2,           4294967250",
        "UINT32,  CDAB, FFD2 FFFF,           4294967250",
        "UINT32,  BADC, FFFF D2FF,           4294967250",
        "UINT32,  DCBA, D2FF FFFF,           4294967250",
        // float32 0x3FC00000 = 1.1b * 2^0 = 1.5
        "FLOAT32, ABCD, 3FC0 0000,           1.5",
        "FLOAT32, CDAB, 0000 3FC0,           1.5",
        "FLOAT32, BADC, C03F 0000,           1.5",
        "FLOAT32, DCBA, 0000 C03F,           1.5",
        // float32 0x436E9BD4 = 238.60870361328125 exactly
        "FLOAT32, CDAB, 9BD4 436E,           238.60870361328125",
        "FLOAT32, BADC, 6E43 D49B,           238.60870361328125",
        "FLOAT32, DCBA, D49B 6E43,           238.60870361328125",
        // 64 bit 0xFFFFFFFFFFFFFFD2: int64 -46
        "INT64,   ABCD, FFFF FFFF FFFF FFD2, -46",
        "INT64,   CDAB, FFD2 FFFF FFFF FFFF, -46",
        "INT64,   BADC, FFFF FFFF FFFF D2FF, -46",
        "INT64,   DCBA, D2FF FFFF FFFF FFFF, -46",
        // 0x0000000100000002 = 2^32 + 2 = 4294967298
        "INT64,   ABCD, 0000 0001 0000 0002, 4294967298",
        "INT64,   CDAB, 0002 0000 0001 0000, 4294967298",
        "INT64,   BADC, 0000 0100 0000 0200, 4294967298",
        "INT64,   DCBA, 0200 0000 0100 0000, 4294967298",
        // float64 0x40091EB851EB851F = 3.14 (nearest double); 0xC0934A0000000000 = -(1 + 0.205566) * 2^10 = -1234.5
        "FLOAT64, ABCD, 4009 1EB8 51EB 851F, 3.14",
        "FLOAT64, CDAB, 851F 51EB 1EB8 4009, 3.14",
        "FLOAT64, BADC, 0940 B81E EB51 1F85, 3.14",
        "FLOAT64, DCBA, 1F85 EB51 B81E 0940, 3.14",
        "FLOAT64, ABCD, C093 4A00 0000 0000, -1234.5",
        "FLOAT64, DCBA, 0000 0000 004A 93C0, -1234.5",
        // bool: bit 2 of 0x0004 (BADC/DCBA: the word arrives as 0x0400)
        "BOOL,    ABCD, 0004,                1",
        "BOOL,    CDAB, 0004,                1",
        "BOOL,    BADC, 0400,                1",
        "BOOL,    DCBA, 0400,                1",
    })
    void everyTypeInEveryOrderDecodes(DataType type, WordOrder order, String hexWords, double expected)
            throws Exception {
        assertEquals(expected, number(words(hexWords), type, order), 0.0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // 0x0123456789ABCDEF = 81985529216486895; 0xFFFFFFFFFFFFFFD2 = 2^64 - 46 = 18446744073709551570
        "ABCD, 0123 4567 89AB CDEF, 81985529216486895",
        "CDAB, CDEF 89AB 4567 0123, 81985529216486895",
        "BADC, 2301 6745 AB89 EFCD, 81985529216486895",
        "DCBA, EFCD AB89 6745 2301, 81985529216486895",
        "ABCD, FFFF FFFF FFFF FFD2, 18446744073709551570",
        "CDAB, FFD2 FFFF FFFF FFFF, 18446744073709551570",
        "BADC, FFFF FFFF FFFF D2FF, 18446744073709551570",
        "DCBA, D2FF FFFF FFFF FFFF, 18446744073709551570",
    })
    void uint64IsExactInEveryOrder(WordOrder order, String hexWords, String expected) throws Exception {
        DecodedValue v = RegisterDecoder.decode(words(hexWords), 0, DataType.UINT64, order, -1, 0);
        assertEquals(expected, Long.toUnsignedString(((DecodedValue.Unsigned) v).bits()));
    }

    @Test
    void boolReadsTheConfiguredBitOnly() throws Exception {
        // 0x8001: bit 15 and bit 0 set, bit 1 clear
        assertEquals(1.0, bool(0x8001, 15));
        assertEquals(1.0, bool(0x8001, 0));
        assertEquals(0.0, bool(0x8001, 1));
    }

    @Test
    void asciiStringDecodesAndStopsAtNul() throws Exception {
        // 'P'=0x50 'M'=0x4D '5'=0x35 '6'=0x36 '0'=0x30, then NUL padding
        int[] abcd = {0x504D, 0x3535, 0x3630, 0x0000};
        assertEquals("PM5560", text(abcd, WordOrder.ABCD));
        int[] badc = {0x4D50, 0x3535, 0x3036, 0x0000};
        assertEquals("PM5560", text(badc, WordOrder.BADC));
        // trailing spaces (0x20) are dropped
        assertEquals("AB", text(new int[] {0x4142, 0x2020, 0x2020, 0x2020}, WordOrder.ABCD));
    }

    @Test
    void controlCharacterInStringIsADecodeError() {
        ModbusValueException e = assertThrows(ModbusValueException.class,
                () -> text(new int[] {0x4101, 0, 0, 0}, WordOrder.ABCD));
        assertEquals("byte 0x1 is not printable ASCII", e.getMessage());
    }

    @Test
    void valueBeyondTheResponseIsADecodeError() {
        ModbusValueException e = assertThrows(ModbusValueException.class,
                () -> RegisterDecoder.decode(new int[] {1, 2, 3}, 2, DataType.FLOAT32, WordOrder.ABCD, -1, 0));
        assertEquals("value needs registers 2..3 but the response has 3", e.getMessage());
    }

    @Test
    void offsetSelectsTheRegistersInsideALargerResponse() throws Exception {
        // registers 0..3; the float32 at offset 1 is 0x436E9BD4
        assertEquals(238.60870361328125,
                number(new int[] {0xFFFF, 0x436E, 0x9BD4, 0xFFFF}, 1, DataType.FLOAT32, WordOrder.ABCD), 0.0);
    }

    @Test
    void coilBitsDecodeLeastSignificantFirst() throws Exception {
        // FC1 response for 10 coils: bytes 0xCD 0x01 -> coils 0..7 = 1,0,1,1,0,0,1,1 ; coil 8 = 1, coil 9 = 0
        boolean[] bits = ReadPdu.bits(new byte[] {0x01, 0x02, (byte) 0xCD, 0x01}, Table.COIL, 10);
        int[] expected = {1, 0, 1, 1, 0, 0, 1, 1, 1, 0};
        for (int i = 0; i < 10; i++) {
            assertEquals((double) expected[i], ((DecodedValue.Number) RegisterDecoder.bit(bits, i)).value(), "coil " + i);
        }
    }

    private static double bool(int word, int bit) throws Exception {
        return ((DecodedValue.Number) RegisterDecoder.decode(new int[] {word}, 0, DataType.BOOL, WordOrder.ABCD, bit,
                0)).value();
    }

    private static String text(int[] words, WordOrder order) throws Exception {
        return ((DecodedValue.Text) RegisterDecoder.decode(words, 0, DataType.STRING, order, -1, words.length)).value();
    }

    static double number(int[] words, DataType type, WordOrder order) throws Exception {
        return number(words, 0, type, order);
    }

    static double number(int[] words, int offset, DataType type, WordOrder order) throws Exception {
        DecodedValue v = RegisterDecoder.decode(words, offset, type, order, type == DataType.BOOL ? 2 : -1, 0);
        if (v instanceof DecodedValue.Unsigned u) {
            return u.asDouble();
        }
        return ((DecodedValue.Number) v).value();
    }

    static int[] words(String hex) {
        String[] parts = hex.trim().split("\\s+");
        int[] w = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            w[i] = Integer.parseInt(parts[i], 16);
        }
        return w;
    }
}
