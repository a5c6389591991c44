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
        checkRange(words, offset, count);
        switch (type) {
            case UINT16: case UINT32: case UINT64:
                return new DecodedValue.Unsigned(bits(words, offset, count, order));
            case STRING:
                return new DecodedValue.Text(ascii(words, offset, length, order));
            default:
                return new DecodedValue.Number(number(words, offset, type, order, bit));
        }
    }

    /** True for the types {@link #number} decodes: signed integers, floats and bools in registers. */
    public static boolean isPlainNumber(DataType type) {
        return type != DataType.STRING && !type.isUnsignedInteger();
    }

    /**
     * The value of a register point of a {@linkplain #isPlainNumber plain number} type, without allocating (the
     * poll loop decodes every value of every response this way).
     */
    public static double number(int[] words, int offset, DataType type, WordOrder order, int bit)
            throws ModbusValueException {
        checkRange(words, offset, type.registers());
        switch (type) {
            case BOOL:
                return (bits(words, offset, 1, order) >> bit) & 1L;
            case INT16:
                return (short) bits(words, offset, 1, order);
            case INT32:
                return (int) bits(words, offset, 2, order);
            case INT64:
                return bits(words, offset, 4, order);
            case FLOAT32:
                return Float.intBitsToFloat((int) bits(words, offset, 2, order));
            case FLOAT64:
                return Double.longBitsToDouble(bits(words, offset, 4, order));
            default:
                throw new ModbusValueException("type " + type.label() + " is not a plain number");
        }
    }

    private static void checkRange(int[] words, int offset, int count) throws ModbusValueException {
        if (offset < 0 || count <= 0 || offset + count > words.length) {
            throw new ModbusValueException("value needs registers " + offset + ".." + (offset + count - 1)
                    + " but the response has " + words.length);
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
        boolean reverse = order.reversesWords();
        boolean swap = order.swapsBytes();
        long v = 0;
        for (int i = 0; i < count; i++) {
            int w = words[offset + (reverse ? count - 1 - i : i)];
            if (swap) {
                w = ((w & 0xFF) << 8) | ((w >> 8) & 0xFF);
            }
            v = (v << 16) | (w & 0xFFFF);
        }
        return v;
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
