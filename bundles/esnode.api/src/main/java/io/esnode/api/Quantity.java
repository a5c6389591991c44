package io.esnode.api;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleUnaryOperator;

/**
 * What a point measures, with the Prometheus base unit it is exported in and the source units that convert to it.
 */
public enum Quantity {
    TEMPERATURE("temperature", "celsius", Map.of(
            "c", v -> v, "°c", v -> v, "celsius", v -> v, "degc", v -> v,
            "f", v -> (v - 32.0) * 5.0 / 9.0, "°f", v -> (v - 32.0) * 5.0 / 9.0, "fahrenheit", v -> (v - 32.0) * 5.0 / 9.0,
            "k", v -> v - 273.15, "kelvin", v -> v - 273.15)),
    HUMIDITY("humidity", "percent", Map.of("%", v -> v, "percent", v -> v, "%rh", v -> v, "rh", v -> v,
            "ratio", v -> v * 100.0)),
    POWER("power", "watts", Map.of("w", v -> v, "watt", v -> v, "watts", v -> v,
            "kw", v -> v * 1e3, "mw", v -> v * 1e6, "kva", v -> v * 1e3, "va", v -> v)),
    ENERGY("energy", "joules", Map.of("j", v -> v, "joule", v -> v, "joules", v -> v,
            "wh", v -> v * 3600.0, "kwh", v -> v * 3.6e6, "mwh", v -> v * 3.6e9)),
    VOLTAGE("voltage", "volts", Map.of("v", v -> v, "volt", v -> v, "volts", v -> v, "mv", v -> v / 1e3,
            "kv", v -> v * 1e3)),
    CURRENT("current", "amperes", Map.of("a", v -> v, "amp", v -> v, "amps", v -> v, "ampere", v -> v,
            "amperes", v -> v, "ma", v -> v / 1e3)),
    FREQUENCY("frequency", "hertz", Map.of("hz", v -> v, "hertz", v -> v, "khz", v -> v * 1e3)),
    PRESSURE("pressure", "pascals", Map.of("pa", v -> v, "pascal", v -> v, "pascals", v -> v,
            "kpa", v -> v * 1e3, "hpa", v -> v * 100.0, "bar", v -> v * 1e5, "mbar", v -> v * 100.0,
            "psi", v -> v * 6894.757293168)),
    FLOW("flow", "cubic_meters_per_second", Map.of("m3/s", v -> v, "m3/h", v -> v / 3600.0,
            "l/s", v -> v / 1e3, "l/min", v -> v / 60e3, "lpm", v -> v / 60e3)),
    STATE("state", "", Map.of()),
    OTHER("value", "", Map.of());

    private final String metricWord;
    private final String baseUnit;
    private final Map<String, DoubleUnaryOperator> toBase;
    /**
     * Conversions by the exact unit text seen (e.g. {@code "kW"}), so that converting a value costs one lookup,
     * not a trim and lower-casing; bounded, since unit texts come from configuration.
     */
    private final Map<String, DoubleUnaryOperator> byUnitText = new ConcurrentHashMap<>();
    private static final int MAX_CACHED_UNIT_TEXTS = 64;

    Quantity(String metricWord, String baseUnit, Map<String, DoubleUnaryOperator> toBase) {
        this.metricWord = metricWord;
        this.baseUnit = baseUnit;
        this.toBase = toBase;
    }

    /** The word used in the metric name, e.g. {@code temperature}. */
    public String metricWord() {
        return metricWord;
    }

    /** Prometheus base unit suffix, e.g. {@code celsius}; empty when the quantity has none. */
    public String baseUnit() {
        return baseUnit;
    }

    /** True when values given in {@code unit} can be converted to this quantity's base unit. */
    public boolean accepts(String unit) {
        return unit == null || unit.isBlank() || baseUnit.isEmpty() || toBase.containsKey(key(unit));
    }

    /** Converts a value given in {@code unit} into the base unit; blank unit means already in base unit. */
    public double toBaseUnit(double value, String unit) {
        if (baseUnit.isEmpty() || unit == null) {
            return value;
        }
        DoubleUnaryOperator op = byUnitText.get(unit);
        if (op == null) {
            if (unit.isBlank()) {
                return value;
            }
            op = toBase.get(key(unit));
            if (op == null) {
                throw new IllegalArgumentException("unit '" + unit + "' is not a unit of "
                        + name().toLowerCase(Locale.ROOT));
            }
            if (byUnitText.size() < MAX_CACHED_UNIT_TEXTS) {
                byUnitText.put(unit, op);
            }
        }
        return op.applyAsDouble(value);
    }

    private static String key(String unit) {
        return unit.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a quantity name; accepts the earlier agent's sensor types ({@code temp}, {@code temperature},
     * {@code power}, {@code humidity}, …). Unknown names are {@link #OTHER}.
     */
    public static Quantity parse(String name) {
        if (name == null) {
            return OTHER;
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        switch (n) {
            case "temp": case "temperature": return TEMPERATURE;
            case "hum": case "humidity": case "rh": return HUMIDITY;
            case "power": case "watts": return POWER;
            case "energy": return ENERGY;
            case "voltage": case "volt": case "volts": return VOLTAGE;
            case "current": case "amps": case "amperes": return CURRENT;
            case "frequency": case "freq": return FREQUENCY;
            case "pressure": return PRESSURE;
            case "flow": return FLOW;
            case "state": case "status": case "bool": return STATE;
            default: return OTHER;
        }
    }
}
