package io.esnode.driver.modbus.internal.codec;

import io.esnode.api.ErrorKind;

/** No (complete) answer within the per-request timeout. */
public final class ModbusTimeoutException extends ModbusException {
    private static final long serialVersionUID = 1L;

    public ModbusTimeoutException(String message) {
        super(message);
    }

    @Override
    public String kind() {
        return ErrorKind.TIMEOUT;
    }
}
