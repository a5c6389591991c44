package io.esnode.driver.modbus.internal.codec;

import java.util.Locale;

/** How the registers (or the bit) of a point are interpreted. */
public enum DataType {
    BOOL(1, false), INT16(1, true), UINT16(1, false), INT32(2, true), UINT32(2, false), INT64(4, true),
    UINT64(4, false), FLOAT32(2, true), FLOAT64(4, true), STRING(0, false);

    private final int registers;
    private final boolean signed;

    DataType(int registers, boolean signed) {
        this.registers = registers;
        this.signed = signed;
    }

    /** Registers a value occupies; 0 for strings, whose length is configured. */
    public int registers() {
        return registers;
    }

    /** True for the unsigned integer types, which are read exactly (so a uint64 counter keeps every digit). */
    public boolean isUnsignedInteger() {
        return this == UINT16 || this == UINT32 || this == UINT64;
    }

    public boolean isSigned() {
        return signed;
    }

    /** Parses a type name, or returns null when the text names no data type (e.g. {@code gauge}). */
    public static DataType parseOrNull(String s) {
        if (s == null) {
            return null;
        }
        switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "bool": case "boolean": case "bit": return BOOL;
            case "int16": case "i16": case "short": case "int": return INT16;
            case "uint16": case "u16": case "word": case "uint": return UINT16;
            case "int32": case "i32": case "dint": return INT32;
            case "uint32": case "u32": case "udint": case "dword": return UINT32;
            case "int64": case "i64": case "lint": return INT64;
            case "uint64": case "u64": case "ulint": return UINT64;
            case "float32": case "float": case "f32": case "real": return FLOAT32;
            case "float64": case "double": case "f64": case "lreal": return FLOAT64;
            case "string": case "ascii": case "str": return STRING;
            default: return null;
        }
    }

    public static DataType parse(String s) {
        DataType t = parseOrNull(s);
        if (t == null) {
            throw new IllegalArgumentException("data type '" + s + "' is not bool, int16, uint16, int32, uint32, "
                    + "int64, uint64, float32, float64 or string");
        }
        return t;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
