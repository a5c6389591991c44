package io.esnode.driver.modbus.internal.codec;

/** Root of every Modbus failure; {@link #kind()} is the {@code kind} label of {@code esnode_driver_errors_total}. */
public abstract class ModbusException extends Exception {
    private static final long serialVersionUID = 1L;

    protected ModbusException(String message) {
        super(message);
    }

    protected ModbusException(String message, Throwable cause) {
        super(message, cause);
    }

    public abstract String kind();
}
