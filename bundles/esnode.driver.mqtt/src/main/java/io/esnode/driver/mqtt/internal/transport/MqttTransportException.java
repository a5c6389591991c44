package io.esnode.driver.mqtt.internal.transport;

import io.esnode.api.ErrorKind;

/** A connect, authentication or subscribe failure; {@link #kind()} is an {@link ErrorKind} value. */
public final class MqttTransportException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String kind;

    public MqttTransportException(String kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }

    /** A one-line description: the message and the root cause's message (these never hold credentials). */
    public static String describe(Throwable t) {
        String top = t.getMessage();
        if ((top == null || top.startsWith("Untranslated") || top.equals("MqttException")) && t.getCause() != null) {
            t = t.getCause(); // Paho's generic wrapper of a client-side exception says nothing itself
            top = t.getClass().getSimpleName() + ": " + t.getMessage();
        }
        StringBuilder sb = new StringBuilder(String.valueOf(top));
        Throwable c = t.getCause();
        for (int depth = 0; c != null && c != t && depth < 4; depth++, c = c.getCause()) {
            if (c.getMessage() != null && !sb.toString().contains(c.getMessage())) {
                sb.append(": ").append(c.getClass().getSimpleName()).append(": ").append(c.getMessage());
            }
            t = c;
        }
        return sb.toString();
    }
}
