package io.esnode.driver.snmp.internal.codec;

/**
 * A decoded number. {@code unsigned} holds the exact 64-bit unsigned value of a Counter32/Counter64 (then
 * {@code exact} is true); {@code value} is always the (possibly rounded) double.
 */
public record NumericValue(double value, long unsigned, boolean exact) {

    public static NumericValue of(double value) {
        return new NumericValue(value, 0L, false);
    }

    public static NumericValue ofUnsigned(long unsigned) {
        double d = unsigned >= 0 ? unsigned : (double) (unsigned >>> 1) * 2.0 + (unsigned & 1L);
        return new NumericValue(d, unsigned, true);
    }
}
