package io.esnode.driver.modbus.internal.codec;

/** Encodes read requests (function codes 1–4) and checks and decodes their responses. */
public final class ReadPdu {

    private ReadPdu() {
    }

    /** The request PDU: function code, start address (2 bytes), quantity (2 bytes). */
    public static byte[] request(Table table, int start, int count) {
        if (start < 0 || start > 0xFFFF || count < 1 || count > table.protocolMax() || start + count > 0x10000) {
            throw new IllegalArgumentException("cannot read " + count + " from " + start + " of " + table.label());
        }
        return new byte[] {(byte) table.functionCode(), (byte) (start >> 8), (byte) start, (byte) (count >> 8),
                (byte) count};
    }

    /** Bytes of the response data for {@code count} items of {@code table}. */
    public static int dataBytes(Table table, int count) {
        return table.isBits() ? (count + 7) / 8 : count * 2;
    }

    /** Register words of a response to a read of {@code count} registers. */
    public static int[] registers(byte[] pdu, Table table, int count) throws ModbusException {
        check(pdu, table, count);
        int[] words = new int[count];
        for (int i = 0; i < count; i++) {
            words[i] = ((pdu[2 + 2 * i] & 0xFF) << 8) | (pdu[3 + 2 * i] & 0xFF);
        }
        return words;
    }

    /** Bits of a response to a read of {@code count} coils or discrete inputs. */
    public static boolean[] bits(byte[] pdu, Table table, int count) throws ModbusException {
        check(pdu, table, count);
        boolean[] bits = new boolean[count];
        for (int i = 0; i < count; i++) {
            bits[i] = ((pdu[2 + i / 8] >> (i % 8)) & 1) != 0;
        }
        return bits;
    }

    private static void check(byte[] pdu, Table table, int count) throws ModbusException {
        if (pdu.length < 2) {
            throw new ModbusFrameException("response PDU of " + pdu.length + " bytes is too short");
        }
        int fc = pdu[0] & 0xFF;
        if (fc == (table.functionCode() | 0x80)) {
            throw new ModbusDeviceException(table.functionCode(), pdu[1] & 0xFF);
        }
        if (fc != table.functionCode()) {
            throw new ModbusFrameException("response function " + fc + " to a request with function "
                    + table.functionCode());
        }
        int expected = dataBytes(table, count);
        int byteCount = pdu[1] & 0xFF;
        if (byteCount != expected || pdu.length != 2 + expected) {
            throw new ModbusFrameException("response has byte count " + byteCount + " and " + (pdu.length - 2)
                    + " data bytes, expected " + expected);
        }
    }
}
