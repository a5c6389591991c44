package io.esnode.driver.modbus.internal.codec;

import io.esnode.api.ErrorKind;

/** A short, malformed or unexpected frame (bad CRC, wrong length, function or byte count). */
public final class ModbusFrameException extends ModbusException {
    private static final long serialVersionUID = 1L;

    public ModbusFrameException(String message) {
        super(message);
    }

    @Override
    public String kind() {
        return ErrorKind.PROTOCOL;
    }
}
