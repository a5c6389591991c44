package io.esnode.driver.snmp.internal.transport;

/** A request that got no usable response; {@link #kind()} is the {@code io.esnode.api.ErrorKind} to count. */
public class SnmpRequestException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String kind;

    public SnmpRequestException(String kind, String message) {
        super(message);
        this.kind = kind;
    }

    public SnmpRequestException(String kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }

    /** The agent answered tooBig: the request must be split. */
    public static final class TooBig extends SnmpRequestException {
        private static final long serialVersionUID = 1L;

        public TooBig(String message) {
            super(io.esnode.api.ErrorKind.PROTOCOL, message);
        }
    }

    /** SNMPv1 noSuchName for the variable binding at {@code index} (0-based). */
    public static final class NoSuchName extends SnmpRequestException {
        private static final long serialVersionUID = 1L;
        private final int index;

        public NoSuchName(int index) {
            super(io.esnode.api.ErrorKind.PROTOCOL, "noSuchName at variable binding " + (index + 1));
            this.index = index;
        }

        public int index() {
            return index;
        }
    }
}
