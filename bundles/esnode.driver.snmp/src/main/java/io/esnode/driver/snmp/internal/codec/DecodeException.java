package io.esnode.driver.snmp.internal.codec;

/** A value that cannot be turned into a number or label (wrong type, malformed Opaque, text without a number). */
public final class DecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    public DecodeException(String message) {
        super(message);
    }
}
