package io.esnode.api;

/** The values of the {@code kind} label of {@code esnode_driver_errors_total}. */
public final class ErrorKind {
    public static final String CONNECT = "connect";
    public static final String DECODE = "decode";
    public static final String TIMEOUT = "timeout";
    public static final String EXCEPTION = "exception";
    public static final String AUTH = "auth";
    public static final String CONFIG = "config";
    public static final String PROTOCOL = "protocol";
    public static final String IMPOSSIBLE = "impossible";

    private ErrorKind() {
    }
}
