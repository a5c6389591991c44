package io.esnode.driver.modbus.internal.codec;

import io.esnode.api.ErrorKind;

/** Registers that do not form a valid value of the point's type (e.g. a string with control characters). */
public final class ModbusValueException extends ModbusException {
    private static final long serialVersionUID = 1L;

    public ModbusValueException(String message) {
        super(message);
    }

    @Override
    public String kind() {
        return ErrorKind.DECODE;
    }
}
