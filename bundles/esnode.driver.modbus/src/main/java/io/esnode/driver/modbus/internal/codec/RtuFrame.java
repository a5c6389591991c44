package io.esnode.driver.modbus.internal.codec;

/** Modbus RTU framing: unit id, PDU, CRC-16 (polynomial 0xA001 reflected, initial 0xFFFF, low byte first). */
public final class RtuFrame {
    /** Unit id and function code: enough to know how long the rest of a response is. */
    public static final int HEAD = 2;

    private RtuFrame() {
    }

    public static byte[] frame(int unitId, byte[] pdu) {
        byte[] f = new byte[pdu.length + 3];
        f[0] = (byte) unitId;
        System.arraycopy(pdu, 0, f, 1, pdu.length);
        int crc = crc(f, 0, f.length - 2);
        f[f.length - 2] = (byte) crc;
        f[f.length - 1] = (byte) (crc >> 8);
        return f;
    }

    public static int crc(byte[] b, int off, int len) {
        int crc = 0xFFFF;
        for (int i = off; i < off + len; i++) {
            crc ^= b[i] & 0xFF;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
        }
        return crc;
    }

    /**
     * How many bytes follow the first three (unit, function, byte count or exception code) of a read response,
     * CRC included: 2 after an exception, else the byte count plus 2.
     */
    public static int remainingAfterThird(byte[] firstThree) throws ModbusFrameException {
        int fc = firstThree[1] & 0xFF;
        if ((fc & 0x80) != 0) {
            return 2;
        }
        if (fc < 1 || fc > 4) {
            throw new ModbusFrameException("RTU response with function " + fc + " to a read request");
        }
        int byteCount = firstThree[2] & 0xFF;
        if (byteCount == 0 || byteCount > 250) {
            throw new ModbusFrameException("RTU response byte count " + byteCount + " is outside 1..250");
        }
        return byteCount + 2;
    }

    /** Checks the CRC of a whole frame and returns its PDU. */
    public static byte[] pdu(byte[] frame) throws ModbusFrameException {
        if (frame.length < 5) {
            throw new ModbusFrameException("RTU frame of " + frame.length + " bytes is too short");
        }
        int expected = crc(frame, 0, frame.length - 2);
        int got = (frame[frame.length - 2] & 0xFF) | ((frame[frame.length - 1] & 0xFF) << 8);
        if (expected != got) {
            throw new ModbusFrameException(String.format("RTU CRC 0x%04X does not match 0x%04X", got, expected));
        }
        byte[] pdu = new byte[frame.length - 3];
        System.arraycopy(frame, 1, pdu, 0, pdu.length);
        return pdu;
    }
}
