package io.esnode.driver.modbus.internal.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Fixed byte vectors of the PDU, MBAP and RTU layers. */
class FramingTest {

    @Test
    void readHoldingRequestPduIsFunctionStartCount() {
        // FC 3, start 107 = 0x006B, count 3
        assertArrayEquals(new byte[] {0x03, 0x00, 0x6B, 0x00, 0x03}, ReadPdu.request(Table.HOLDING_REGISTER, 107, 3));
    }

    @Test
    void requestOverProtocolMaximumIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ReadPdu.request(Table.INPUT_REGISTER, 0, 126));
        assertThrows(IllegalArgumentException.class, () -> ReadPdu.request(Table.COIL, 0, 2001));
    }

    @Test
    void rtuCrcMatchesTheSpecificationExample() {
        // "01 03 00 00 00 0A" has CRC 0xCDC5, sent low byte first: C5 CD
        byte[] f = RtuFrame.frame(1, ReadPdu.request(Table.HOLDING_REGISTER, 0, 10));
        assertArrayEquals(new byte[] {0x01, 0x03, 0x00, 0x00, 0x00, 0x0A, (byte) 0xC5, (byte) 0xCD}, f);
    }

    @Test
    void rtuResponseWithBadCrcIsAFrameError() {
        byte[] f = RtuFrame.frame(1, new byte[] {0x03, 0x02, 0x12, 0x34});
        f[3] ^= 1;
        assertThrows(ModbusFrameException.class, () -> RtuFrame.pdu(f));
    }

    @Test
    void rtuLengthComesFromTheByteCountOrTheExceptionFlag() throws Exception {
        // normal: byte count 4 + CRC 2 = 6 more bytes; exception (0x83): code already read, CRC 2 more
        assertEquals(6, RtuFrame.remainingAfterThird(new byte[] {1, 0x03, 4}));
        assertEquals(2, RtuFrame.remainingAfterThird(new byte[] {1, (byte) 0x83, 2}));
        assertThrows(ModbusFrameException.class, () -> RtuFrame.remainingAfterThird(new byte[] {1, 0x10, 4}));
    }

    @Test
    void mbapFrameCarriesTransactionLengthAndUnit() throws Exception {
        byte[] f = MbapHeader.frame(0x1234, 17, ReadPdu.request(Table.INPUT_REGISTER, 0, 2));
        // length = unit id + 5 PDU bytes = 6
        assertArrayEquals(new byte[] {0x12, 0x34, 0, 0, 0, 6, 17, 0x04, 0, 0, 0, 2}, f);
        byte[] head = new byte[7];
        System.arraycopy(f, 0, head, 0, 7);
        MbapHeader h = MbapHeader.parse(head);
        assertEquals(new MbapHeader(0x1234, 0, 6, 17), h);
        assertEquals(5, h.pduLength());
    }

    @Test
    void mbapHeaderWithForeignProtocolIdIsAFrameError() {
        assertThrows(ModbusFrameException.class, () -> MbapHeader.parse(new byte[] {0, 1, 0, 1, 0, 6, 1}));
    }

    @Test
    void exceptionResponseBecomesDeviceException() {
        // 0x83 = 0x03 | 0x80, code 2 = illegal data address
        ModbusDeviceException e = assertThrows(ModbusDeviceException.class,
                () -> ReadPdu.registers(new byte[] {(byte) 0x83, 0x02}, Table.HOLDING_REGISTER, 2));
        assertEquals(2, e.code());
        assertEquals("exception", e.kind());
        assertEquals("exception 2 (illegal data address) for function 3", e.getMessage());
    }

    @Test
    void shortRegisterResponseIsAFrameError() {
        // 2 registers need byte count 4 and 4 data bytes; only 3 came
        assertThrows(ModbusFrameException.class,
                () -> ReadPdu.registers(new byte[] {0x03, 0x04, 0, 1, 0}, Table.HOLDING_REGISTER, 2));
    }

    @Test
    void registerResponseDecodesHighByteFirst() throws Exception {
        assertArrayEquals(new int[] {0x436E, 0x9BD4},
                ReadPdu.registers(new byte[] {0x03, 0x04, 0x43, 0x6E, (byte) 0x9B, (byte) 0xD4},
                        Table.HOLDING_REGISTER, 2));
    }
}
