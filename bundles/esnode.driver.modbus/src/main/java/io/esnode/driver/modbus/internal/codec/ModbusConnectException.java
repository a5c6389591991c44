package io.esnode.driver.modbus.internal.codec;

import io.esnode.api.ErrorKind;

/** The connection could not be opened or broke; the transport is closed and must be reopened. */
public final class ModbusConnectException extends ModbusException {
    private static final long serialVersionUID = 1L;

    public ModbusConnectException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String kind() {
        return ErrorKind.CONNECT;
    }
}
