package io.esnode.driver.modbus.internal.codec;

/**
 * Pure decoding of register words (each 0..65535, as received, high byte first on the wire) and of bits into
 * point values, for every {@link DataType} and {@link WordOrder}.
 */
public final class RegisterDecoder {
    /** Strings longer than this many registers are refused at configuration time. */
    public static final int MAX_STRING_REGISTERS = 64;

    private RegisterDecoder() {
    }

    /**
     * Decodes the value of a register point.
     *
     * @param words  register words of the whole response
     * @param offset index of the point's first register in {@code words}
     * @param bit    for BOOL: bit number 0 (least significant) … 15 of the register; ignored otherwise
     * @param length for STRING: number of registers
     */
    public static DecodedValue decode(int[] words, int offset, DataType type, WordOrder order, int bit, int length)
            throws ModbusValueException {
        int count = type == DataType.STRING ? length : type.registers();
        if (offset < 0 || count <= 0 || offset + count > words.length) {
            throw new ModbusValueException("value needs registers " + offset + ".." + (offset + count - 1)
                    + " but the response has " + words.length);
        }
        switch (type) {
            case BOOL:
                return new DecodedValue.Number((bits(words, offset, 1, order) >> bit) & 1L);
            case INT16:
                return new DecodedValue.Number((short) bits(words, offset, 1, order));
            case UINT16: case UINT32: case UINT64:
                return new DecodedValue.Unsigned(bits(words, offset, count, order));
            case INT32:
                return new DecodedValue.Number((int) bits(words, offset, 2, order));
            case INT64:
                return new DecodedValue.Number(bits(words, offset, 4, order));
            case FLOAT32:
                return new DecodedValue.Number(Float.intBitsToFloat((int) bits(words, offset, 2, order)));
            case FLOAT64:
                return new DecodedValue.Number(Double.longBitsToDouble(bits(words, offset, 4, order)));
            case STRING:
                return new DecodedValue.Text(ascii(words, offset, length, order));
            default:
                throw new ModbusValueException("unsupported type " + type);
        }
    }

    /** The value of bit {@code index} of a coil or discrete-input response (LSB of the first byte is index 0). */
    public static DecodedValue bit(boolean[] bits, int index) throws ModbusValueException {
        if (index < 0 || index >= bits.length) {
            throw new ModbusValueException("bit " + index + " is outside the response of " + bits.length);
        }
        return new DecodedValue.Number(bits[index] ? 1 : 0);
    }

    /** The {@code count} (1, 2 or 4) registers from {@code offset} as one big-endian integer after reordering. */
    static long bits(int[] words, int offset, int count, WordOrder order) {
        byte[] b = ordered(words, offset, count, order);
        long v = 0;
        for (byte x : b) {
            v = (v << 8) | (x & 0xFF);
        }
        return v;
    }

    /** The registers' bytes rearranged into most-significant-first order. */
    static byte[] ordered(int[] words, int offset, int count, WordOrder order) {
        byte[] b = new byte[count * 2];
        for (int i = 0; i < count; i++) {
            int w = words[offset + (order.reversesWords() ? count - 1 - i : i)];
            int hi = (w >> 8) & 0xFF;
            int lo = w & 0xFF;
            b[2 * i] = (byte) (order.swapsBytes() ? lo : hi);
            b[2 * i + 1] = (byte) (order.swapsBytes() ? hi : lo);
        }
        return b;
    }

    /**
     * Two ASCII characters per register, high byte first (BADC and DCBA swap the two bytes; register order is kept,
     * since no device reverses a text). The text ends at the first NUL; trailing spaces are dropped.
     */
    static String ascii(int[] words, int offset, int length, WordOrder order) throws ModbusValueException {
        StringBuilder sb = new StringBuilder(length * 2);
        for (int i = 0; i < length; i++) {
            int w = words[offset + i];
            int first = order.swapsBytes() ? w & 0xFF : (w >> 8) & 0xFF;
            int second = order.swapsBytes() ? (w >> 8) & 0xFF : w & 0xFF;
            for (int c : new int[] {first, second}) {
                if (c == 0) {
                    return sb.toString().stripTrailing();
                }
                if (c < 0x20 || c > 0x7E) {
                    throw new ModbusValueException("byte 0x" + Integer.toHexString(c) + " is not printable ASCII");
                }
                sb.append((char) c);
            }
        }
        return sb.toString().stripTrailing();
    }
}
