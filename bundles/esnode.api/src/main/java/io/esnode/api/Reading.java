package io.esnode.api;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One value of one point at one time.
 *
 * @param driverId        the driver that produced it
 * @param point           the configured point
 * @param labels          labels captured at run time (e.g. a topic level), sorted; together with driver and point
 *                        name they identify the series
 * @param value           value in the point's base unit (scale, offset and unit conversion applied)
 * @param exactUnsigned   for counters read as unsigned 64-bit integers: the exact value, else 0
 * @param exact           whether {@code exactUnsigned} holds the value
 * @param timestampMillis when the value was measured or received (epoch milliseconds)
 * @param quality         good, stale or bad
 */
public record Reading(String driverId, Point point, Map<String, String> labels, double value, long exactUnsigned,
                      boolean exact, long timestampMillis, Quality quality) {

    public Reading {
        Objects.requireNonNull(driverId, "driverId");
        Objects.requireNonNull(point, "point");
        labels = labels == null || labels.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(labels));
        quality = quality == null ? Quality.GOOD : quality;
    }

    /** A good reading of a raw value: applies the point's scale, offset and unit conversion. */
    public static Reading of(String driverId, Point point, Map<String, String> labels, double raw, long timestampMillis) {
        return new Reading(driverId, point, labels, point.toBaseUnits(raw), 0L, false, timestampMillis, Quality.GOOD);
    }

    /** A good counter reading holding an unsigned 64-bit value, exported exactly when the point allows it. */
    public static Reading ofUnsigned(String driverId, Point point, Map<String, String> labels, long unsigned,
                                     long timestampMillis) {
        double asDouble = unsigned >= 0 ? unsigned : (double) (unsigned >>> 1) * 2.0 + (unsigned & 1L);
        boolean exact = point.isExactCounter();
        return new Reading(driverId, point, labels, point.toBaseUnits(asDouble), exact ? unsigned : 0L, exact,
                timestampMillis, Quality.GOOD);
    }

    /** A reading that failed: no trustworthy value, only the reason. */
    public static Reading bad(String driverId, Point point, Map<String, String> labels, String reason,
                              long timestampMillis) {
        return new Reading(driverId, point, labels, Double.NaN, 0L, false, timestampMillis, Quality.bad(reason));
    }

    /** The series this reading belongs to. */
    public SeriesKey key() {
        return new SeriesKey(driverId, point.name(), labels);
    }

    /** The exact unsigned value as decimal text (only meaningful when {@link #exact()}). */
    public String exactText() {
        return Long.toUnsignedString(exactUnsigned);
    }
}
