package io.esnode.driver.mqtt.internal.codec;

/** A payload could not be turned into a value; the message says why (never the whole payload). */
public final class DecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    public DecodeException(String message) {
        super(message);
    }
}
