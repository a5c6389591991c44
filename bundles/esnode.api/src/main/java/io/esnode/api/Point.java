package io.esnode.api;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One configured value a driver produces.
 *
 * @param name       unique within its driver
 * @param quantity   what is measured; chooses the metric family and base unit
 * @param unit       unit of the value after scale and offset (converted to the base unit on export)
 * @param metricName optional metric family name overriding the one derived from quantity and unit; may be null
 * @param type       gauge or counter
 * @param scale      raw value is multiplied by this …
 * @param offset     … and then this is added
 * @param labels     static labels (site, room, rack …), sorted by name
 * @param pueRole    whether the point feeds PUE
 * @param ttl        how long a reading stays valid; null means "the driver's default"
 */
public record Point(String name, Quantity quantity, String unit, String metricName, MetricType type,
                    double scale, double offset, Map<String, String> labels, PueRole pueRole, Duration ttl) {

    public Point {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("point name is empty");
        }
        quantity = quantity == null ? Quantity.OTHER : quantity;
        unit = unit == null ? "" : unit.trim();
        if (!quantity.accepts(unit)) {
            throw new IllegalArgumentException("point '" + name + "': unit '" + unit + "' is not a unit of "
                    + quantity.metricWord());
        }
        metricName = metricName == null || metricName.isBlank() ? null : metricName.trim();
        type = type == null ? MetricType.GAUGE : type;
        if (!Double.isFinite(scale) || !Double.isFinite(offset)) {
            throw new IllegalArgumentException("point '" + name + "': scale and offset must be finite");
        }
        labels = labels == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(labels));
        pueRole = pueRole == null ? PueRole.NONE : pueRole;
        if (ttl != null && (ttl.isNegative() || ttl.isZero())) {
            throw new IllegalArgumentException("point '" + name + "': ttl must be positive");
        }
    }

    /** A gauge point with no scaling, labels or PUE role. */
    public static Point gauge(String name, Quantity quantity, String unit) {
        return new Point(name, quantity, unit, null, MetricType.GAUGE, 1.0, 0.0, Map.of(), PueRole.NONE, null);
    }

    /** Applies scale and offset, then converts to the quantity's base unit. */
    public double toBaseUnits(double raw) {
        return quantity.toBaseUnit(raw * scale + offset, unit);
    }

    /** True when a counter value may be exported exactly as an unsigned integer (no scaling, no conversion). */
    public boolean isExactCounter() {
        return type == MetricType.COUNTER && scale == 1.0 && offset == 0.0
                && quantity.toBaseUnit(1.0, unit) == 1.0;
    }

    public Point withTtl(Duration newTtl) {
        return new Point(name, quantity, unit, metricName, type, scale, offset, labels, pueRole, newTtl);
    }

    public Point withLabels(Map<String, String> newLabels) {
        return new Point(name, quantity, unit, metricName, type, scale, offset, newLabels, pueRole, ttl);
    }
}
