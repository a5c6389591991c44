package io.esnode.driver.modbus.internal.codec;

import io.esnode.api.ErrorKind;

/** The device answered with a Modbus exception response (function code | 0x80, exception code). */
public final class ModbusDeviceException extends ModbusException {
    private static final long serialVersionUID = 1L;
    private final int code;

    public ModbusDeviceException(int functionCode, int code) {
        super("exception " + code + " (" + name(code) + ") for function " + functionCode);
        this.code = code;
    }

    public int code() {
        return code;
    }

    @Override
    public String kind() {
        return ErrorKind.EXCEPTION;
    }

    static String name(int code) {
        switch (code) {
            case 1: return "illegal function";
            case 2: return "illegal data address";
            case 3: return "illegal data value";
            case 4: return "server device failure";
            case 5: return "acknowledge";
            case 6: return "server device busy";
            case 8: return "memory parity error";
            case 10: return "gateway path unavailable";
            case 11: return "gateway target device failed to respond";
            default: return "unknown";
        }
    }
}
