package io.esnode.driver.modbus;

import io.esnode.api.util.ConfigText;
import io.esnode.api.util.PointSpec;
import io.esnode.driver.modbus.internal.codec.LegacyRegisterParser;
import io.esnode.driver.modbus.internal.codec.PointMapping;
import io.esnode.driver.modbus.internal.codec.RequestPlanner;
import io.esnode.driver.modbus.internal.codec.WordOrder;
import io.esnode.driver.modbus.internal.session.DevicePlan;
import io.esnode.driver.modbus.internal.session.SessionSettings;
import io.esnode.driver.modbus.internal.transport.ModbusTransport;
import io.esnode.driver.modbus.internal.transport.RtuTransport;
import io.esnode.driver.modbus.internal.transport.SerialSettings;
import io.esnode.driver.modbus.internal.transport.TcpTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/** The validated form of a {@link ModbusDriver.Config}; every rejection names the key and the bad value. */
record DriverSettings(String driverId, String target, Supplier<ModbusTransport> transport, SessionSettings session,
                      List<PointMapping> points) {

    /** Per-unit settings: the driver's, overridden by the unit's {@code devices} entry. */
    record Unit(long pollNanos, RequestPlanner.Limits limits, WordOrder order) {
    }

    static DriverSettings from(ModbusDriver.Config c) {
        String id = c.id() == null ? "" : c.id().trim();
        if (id.isEmpty()) {
            throw new IllegalArgumentException("Modbus driver: id is required");
        }
        if (!id.matches("[A-Za-z0-9_.:-]+")) {
            throw bad(id, "id", id, "use letters, digits, '_', '-', '.', ':'");
        }
        Unit base = new Unit(nanos(id, "poll_interval", c.poll__interval()),
                limits(id, "", c.max__registers(), c.max__bits(), c.max__gap()), order(id, "order", c.order()));
        Map<Integer, Unit> units = devices(id, c.devices(), base);
        Duration fixedTtl = blank(c.ttl()) ? null : Duration.ofMillis(millis(id, "ttl", c.ttl()));
        int defaultUnit = blank(c.unit__id()) ? blank(c.slave__id()) ? 1 : integer(id, "slave_id", c.slave__id(), 0, 255)
                : integer(id, "unit_id", c.unit__id(), 0, 255);
        PointMapping.Defaults defaults = new PointMapping.Defaults() {
            @Override
            public int unitId() {
                return defaultUnit;
            }

            @Override
            public WordOrder order(int unitId) {
                return units.getOrDefault(unitId, base).order();
            }

            @Override
            public Duration ttl(int unitId) {
                return fixedTtl != null ? fixedTtl : Duration.ofNanos(3 * units.getOrDefault(unitId, base).pollNanos());
            }
        };
        List<PointMapping> points = points(id, c, defaults);
        Map<Integer, List<PointMapping>> byUnit = new TreeMap<>();
        points.forEach(p -> byUnit.computeIfAbsent(p.unitId(), k -> new ArrayList<>()).add(p));
        List<DevicePlan> plans = new ArrayList<>();
        for (Map.Entry<Integer, List<PointMapping>> e : byUnit.entrySet()) {
            Unit u = units.getOrDefault(e.getKey(), base);
            try {
                plans.add(new DevicePlan(e.getKey(), u.pollNanos(), RequestPlanner.plan(e.getValue(), u.limits())));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("Modbus driver " + id + ": " + ex.getMessage(), ex);
            }
        }
        long timeout = millis(id, "timeout", c.timeout());
        int retries = integer(id, "retries", c.retries(), 0, 5);
        long pause = nonNegativeMillis(id, "pause", c.pause());
        long min = millis(id, "reconnect_min", c.reconnect__min());
        long max = millis(id, "reconnect_max", c.reconnect__max());
        if (max < min) {
            throw bad(id, "reconnect_max", c.reconnect__max(), "must not be below reconnect_min " + c.reconnect__min());
        }
        int connectTimeout = (int) Math.min(Integer.MAX_VALUE, millis(id, "connect_timeout", c.connect__timeout()));
        SessionSettings session = new SessionSettings(id, plans, timeout, retries, pause, min, max);
        return transport(id, c, connectTimeout, session, points);
    }

    private static DriverSettings transport(String id, ModbusDriver.Config c, int connectTimeout,
                                            SessionSettings session, List<PointMapping> points) {
        String mode = c.transport() == null ? "tcp" : c.transport().trim().toLowerCase(Locale.ROOT);
        String target = trimmed(c.target());
        boolean serialTarget = target != null && (target.startsWith("/") || target.toUpperCase(Locale.ROOT).startsWith("COM"));
        if (serialTarget && mode.equals("tcp")) {
            mode = "rtu";
        }
        switch (mode) {
            case "tcp": case "rtu_over_tcp": case "rtu-over-tcp": case "rtutcp": {
                String host = trimmed(c.host());
                int port = integer(id, "port", c.port(), 1, 65535);
                if (host == null && target != null) {
                    int colon = target.lastIndexOf(':');
                    host = colon < 0 ? target : target.substring(0, colon);
                    if (colon >= 0) {
                        port = integer(id, "target", target.substring(colon + 1), 1, 65535);
                    }
                }
                if (host == null || host.isEmpty()) {
                    throw new IllegalArgumentException("Modbus driver " + id + ": host (or target) is required");
                }
                String h = host;
                int p = port;
                if (mode.equals("tcp")) {
                    return new DriverSettings(id, "tcp://" + h + ":" + p, () -> new TcpTransport(h, p, connectTimeout),
                            session, points);
                }
                return new DriverSettings(id, "rtu+tcp://" + h + ":" + p,
                        () -> RtuTransport.overTcp(h, p, connectTimeout), session, points);
            }
            case "rtu": case "serial": {
                String port = trimmed(c.serial__port());
                if (port == null) {
                    port = serialTarget ? target : null;
                }
                SerialSettings serial;
                try {
                    serial = new SerialSettings(port, integer(id, "baud_rate", c.baud__rate(), 300, 4_000_000),
                            integer(id, "data_bits", c.data__bits(), 7, 8),
                            c.parity() == null ? "" : c.parity().trim().toLowerCase(Locale.ROOT),
                            integer(id, "stop_bits", c.stop__bits(), 1, 2));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Modbus driver " + id + ": " + e.getMessage(), e);
                }
                RtuTransport probe = RtuTransport.serial(serial);
                return new DriverSettings(id, probe.target(), () -> RtuTransport.serial(serial), session, points);
            }
            default:
                throw bad(id, "transport", c.transport(), "use tcp, rtu or rtu_over_tcp");
        }
    }

    private static List<PointMapping> points(String id, ModbusDriver.Config c, PointMapping.Defaults defaults) {
        List<PointMapping> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String spec : c.points() == null ? new String[0] : c.points()) {
            if (blank(spec)) {
                continue;
            }
            PointMapping m;
            try {
                m = PointMapping.fromSpec(PointSpec.parse(spec), defaults);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Modbus driver " + id + ": points: " + e.getMessage(), e);
            }
            if (!names.add(m.point().name())) {
                throw bad(id, "points", spec, "point name '" + m.point().name() + "' is used twice");
            }
            out.add(m);
        }
        try {
            out.addAll(LegacyRegisterParser.parse(c.registers(), defaults, names));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Modbus driver " + id + ": registers: " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("Modbus driver " + id + ": no points: set points or registers");
        }
        return out;
    }

    private static Map<Integer, Unit> devices(String id, String[] entries, Unit base) {
        Map<Integer, Unit> units = new HashMap<>();
        for (String entry : entries == null ? new String[0] : entries) {
            if (blank(entry)) {
                continue;
            }
            PointSpec d;
            try {
                d = PointSpec.parse(entry);
            } catch (IllegalArgumentException e) {
                throw bad(id, "devices", entry, e.getMessage());
            }
            String key = "devices[unit_id=" + d.get("unit_id", "?") + "].";
            if (d.get("unit_id") == null) {
                throw bad(id, "devices", entry, "unit_id is required");
            }
            int unit = integer(id, "devices.unit_id", d.get("unit_id"), 0, 255);
            RequestPlanner.Limits l = base.limits();
            Unit u = new Unit(d.get("poll_interval") == null ? base.pollNanos()
                    : nanos(id, key + "poll_interval", d.get("poll_interval")),
                    limits(id, key, d.get("max_registers", String.valueOf(l.maxRegisters())),
                            d.get("max_bits", String.valueOf(l.maxBits())), d.get("max_gap", String.valueOf(l.maxGap()))),
                    d.get("order") == null ? base.order() : order(id, key + "order", d.get("order")));
            if (units.put(unit, u) != null) {
                throw bad(id, "devices", entry, "unit_id " + unit + " appears twice");
            }
        }
        return units;
    }

    private static RequestPlanner.Limits limits(String id, String prefix, String regs, String bits, String gap) {
        return new RequestPlanner.Limits(integer(id, prefix + "max_registers", regs, 1, 125),
                integer(id, prefix + "max_bits", bits, 1, 2000), integer(id, prefix + "max_gap", gap, 0, 124));
    }

    private static WordOrder order(String id, String key, String value) {
        try {
            return WordOrder.parse(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw bad(id, key, value, "use ABCD, CDAB, BADC or DCBA");
        }
    }

    private static int integer(String id, String key, String value, int min, int max) {
        return ConfigText.integer("Modbus driver " + id, key, value, min, max);
    }

    /** A positive number of seconds, as milliseconds (at least 1). */
    private static long millis(String id, String key, String value) {
        return Math.max(1, Math.round(ConfigText.positiveSeconds("Modbus driver " + id, key, value) * 1000));
    }

    /** A positive number of seconds down to 1 µs, as nanoseconds. */
    private static long nanos(String id, String key, String value) {
        return Math.round(ConfigText.seconds("Modbus driver " + id, key, value, 1e-6, false, 1e7,
                "must be a positive number of seconds") * 1e9);
    }

    private static long nonNegativeMillis(String id, String key, String value) {
        return Math.round(ConfigText.seconds("Modbus driver " + id, key, value, 0, false, 1e4,
                "must be a number of seconds >= 0") * 1000);
    }

    private static String trimmed(String s) {
        return blank(s) ? null : s.trim();
    }

    private static boolean blank(String s) {
        return ConfigText.blank(s);
    }

    private static IllegalArgumentException bad(String id, String key, String value, String why) {
        return ConfigText.invalid("Modbus driver " + id, key, value, why);
    }
}
