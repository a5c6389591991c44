package io.esnode.driver.snmp.internal.transport;

import java.util.Locale;
import org.snmp4j.mp.SnmpConstants;

/** SNMP message versions the driver speaks. */
public enum SnmpVersion {
    V1(SnmpConstants.version1, "1"), V2C(SnmpConstants.version2c, "2c"), V3(SnmpConstants.version3, "3");

    private final int code;
    private final String text;

    SnmpVersion(int code, String text) {
        this.code = code;
        this.text = text;
    }

    public int code() {
        return code;
    }

    @Override
    public String toString() {
        return text;
    }

    /** Accepts {@code 1}, {@code v1}, {@code 2c}, {@code v2c}, {@code 2}, {@code 3}, {@code v3}. */
    public static SnmpVersion parse(String s) {
        String v = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        switch (v.startsWith("v") ? v.substring(1) : v) {
            case "1": return V1;
            case "2": case "2c": return V2C;
            case "3": return V3;
            default: throw new IllegalArgumentException("use 1, 2c or 3");
        }
    }
}
