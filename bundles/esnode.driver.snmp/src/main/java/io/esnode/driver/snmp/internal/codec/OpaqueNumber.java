package io.esnode.driver.snmp.internal.codec;

import java.nio.ByteBuffer;

/**
 * Net-SNMP's Opaque wrapping (draft-perkins-opaque-01): the Opaque's bytes are a BER value with an application
 * tag {@code 0x9f 0x78} (float, 4 bytes) or {@code 0x9f 0x79} (double, 8 bytes), also {@code 0x76} counter64,
 * {@code 0x7a} int64 and {@code 0x7b} uint64 (up to 8 bytes, big endian).
 */
public final class OpaqueNumber {
    private static final int EXTENSION = 0x9f;
    private static final int FLOAT = 0x78;
    private static final int DOUBLE = 0x79;
    private static final int COUNTER64 = 0x76;
    private static final int INT64 = 0x7a;
    private static final int UINT64 = 0x7b;

    private OpaqueNumber() {
    }

    public static NumericValue decode(byte[] b) throws DecodeException {
        if (b == null || b.length < 3) {
            throw new DecodeException("Opaque of " + (b == null ? 0 : b.length) + " bytes holds no wrapped number");
        }
        if ((b[0] & 0xff) != EXTENSION) {
            throw new DecodeException(String.format("Opaque starts with 0x%02x, not a wrapped number (0x9f)", b[0] & 0xff));
        }
        int tag = b[1] & 0xff;
        int len = b[2] & 0xff;
        if (len != b.length - 3) {
            throw new DecodeException("Opaque length byte " + len + " does not match its " + (b.length - 3) + " value bytes");
        }
        switch (tag) {
            case FLOAT:
                requireLength(len, 4, "float");
                return NumericValue.of(ByteBuffer.wrap(b, 3, 4).getFloat());
            case DOUBLE:
                requireLength(len, 8, "double");
                return NumericValue.of(ByteBuffer.wrap(b, 3, 8).getDouble());
            case COUNTER64:
            case UINT64:
                return NumericValue.ofUnsigned(bigEndian(b, len, false));
            case INT64:
                return NumericValue.of(bigEndian(b, len, true));
            default:
                throw new DecodeException(String.format("Opaque wraps unknown type 0x9f%02x", tag));
        }
    }

    private static void requireLength(int len, int expected, String type) throws DecodeException {
        if (len != expected) {
            throw new DecodeException("Opaque " + type + " must have " + expected + " bytes, not " + len);
        }
    }

    private static long bigEndian(byte[] b, int len, boolean signed) throws DecodeException {
        if (len < 1 || len > 9 || (len == 9 && b[3] != 0)) {
            throw new DecodeException("Opaque integer of " + len + " bytes does not fit 64 bits");
        }
        long v = signed && (b[3] & 0x80) != 0 ? -1L : 0L;
        for (int i = 3; i < 3 + len; i++) {
            v = (v << 8) | (b[i] & 0xffL);
        }
        return v;
    }
}
