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
    public static final String MISSING = "missing";

    /**
     * Service property of a {@link Driver} registration (String[]): the kinds it can count. The exporter shows each
     * at 0 until it happens, so error rates read 0 on a healthy driver instead of "no data".
     */
    public static final String DECLARED_KINDS_PROPERTY = "esnode.driver.error.kinds";

    private ErrorKind() {
    }
}
