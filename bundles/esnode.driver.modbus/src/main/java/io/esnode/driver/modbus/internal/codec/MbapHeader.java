package io.esnode.driver.modbus.internal.codec;

/**
 * The 7-byte Modbus TCP application header: transaction id, protocol id (0), length (unit id + PDU), unit id.
 */
public record MbapHeader(int transactionId, int protocolId, int length, int unitId) {
    public static final int SIZE = 7;
    /** Unit id byte plus the longest PDU (253 bytes). */
    public static final int MAX_LENGTH = 254;

    /** The whole request frame: header followed by the PDU. */
    public static byte[] frame(int transactionId, int unitId, byte[] pdu) {
        byte[] f = new byte[SIZE + pdu.length];
        int len = pdu.length + 1;
        f[0] = (byte) (transactionId >> 8);
        f[1] = (byte) transactionId;
        f[4] = (byte) (len >> 8);
        f[5] = (byte) len;
        f[6] = (byte) unitId;
        System.arraycopy(pdu, 0, f, SIZE, pdu.length);
        return f;
    }

    /** Parses and checks a received header; a bad protocol id or length means the stream is out of step. */
    public static MbapHeader parse(byte[] b) throws ModbusFrameException {
        if (b.length != SIZE) {
            throw new ModbusFrameException("MBAP header needs " + SIZE + " bytes, got " + b.length);
        }
        MbapHeader h = new MbapHeader(u16(b, 0), u16(b, 2), u16(b, 4), b[6] & 0xFF);
        if (h.protocolId != 0) {
            throw new ModbusFrameException("MBAP protocol id " + h.protocolId + " is not 0");
        }
        if (h.length < 2 || h.length > MAX_LENGTH) {
            throw new ModbusFrameException("MBAP length " + h.length + " is outside 2.." + MAX_LENGTH);
        }
        return h;
    }

    public int pduLength() {
        return length - 1;
    }

    private static int u16(byte[] b, int i) {
        return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
    }
}
