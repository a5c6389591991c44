package io.esnode.api;

import java.util.Locale;

/** Whether a point is an input of a PUE calculation: IT power, total facility power, or neither. */
public enum PueRole {
    NONE, IT, FACILITY;

    public static PueRole parse(String s) {
        if (s == null || s.isBlank()) {
            return NONE;
        }
        switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "it": case "it_power": return IT;
            case "facility": case "total": case "facility_power": return FACILITY;
            case "none": return NONE;
            default: throw new IllegalArgumentException("pue_role must be it, facility or none, not '" + s + "'");
        }
    }

    /** The label value used in selectors ({@code pue_role=it}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
