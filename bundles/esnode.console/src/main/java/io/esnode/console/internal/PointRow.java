package io.esnode.console.internal;

import java.util.Map;

/** One series of the reading store as the point browser shows it (value already in the base unit). */
public record PointRow(String driver, String point, Map<String, String> labels, double value, String unit,
                       String quality, long ageMillis) {
}
