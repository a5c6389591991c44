package io.esnode.driver.modbus.internal.codec;

import java.util.Locale;

/** The four Modbus data tables, each with its read function code and the protocol's per-request maximum. */
public enum Table {
    COIL(0x01, true, 2000, '0'),
    DISCRETE_INPUT(0x02, true, 2000, '1'),
    INPUT_REGISTER(0x04, false, 125, '3'),
    HOLDING_REGISTER(0x03, false, 125, '4');

    private final int functionCode;
    private final boolean bits;
    private final int protocolMax;
    private final char classicPrefix;

    Table(int functionCode, boolean bits, int protocolMax, char classicPrefix) {
        this.functionCode = functionCode;
        this.bits = bits;
        this.protocolMax = protocolMax;
        this.classicPrefix = classicPrefix;
    }

    /** Read function code: 1 read coils, 2 read discrete inputs, 3 read holding registers, 4 read input registers. */
    public int functionCode() {
        return functionCode;
    }

    /** True for coils and discrete inputs (one bit per address), false for 16-bit register tables. */
    public boolean isBits() {
        return bits;
    }

    /** Most items one read may ask for (2000 bits, 125 registers). */
    public int protocolMax() {
        return protocolMax;
    }

    /** First digit of the classic 1-based notation (0xxxx, 1xxxx, 3xxxx, 4xxxx). */
    public char classicPrefix() {
        return classicPrefix;
    }

    public static Table forClassicPrefix(char c) {
        for (Table t : values()) {
            if (t.classicPrefix == c) {
                return t;
            }
        }
        return null;
    }

    public static Table parse(String s) {
        switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "coil": case "coils": return COIL;
            case "discrete": case "discrete_input": case "discrete_inputs": case "di": return DISCRETE_INPUT;
            case "input": case "input_register": case "input_registers": case "ir": return INPUT_REGISTER;
            case "holding": case "holding_register": case "holding_registers": case "hr": return HOLDING_REGISTER;
            default: throw new IllegalArgumentException("table '" + s + "' is not coil, discrete, input or holding");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
