package io.esnode.driver.modbus.internal.codec;

/** A decoded point value: a number, an exact unsigned integer, or a text (strings become labels). */
public sealed interface DecodedValue {

    record Number(double value) implements DecodedValue {
    }

    /** An unsigned integer of up to 64 bits, held as the bits of a long. */
    record Unsigned(long bits) implements DecodedValue {
        public double asDouble() {
            return bits >= 0 ? bits : (double) (bits >>> 1) * 2.0 + (bits & 1L);
        }
    }

    record Text(String value) implements DecodedValue {
    }
}
