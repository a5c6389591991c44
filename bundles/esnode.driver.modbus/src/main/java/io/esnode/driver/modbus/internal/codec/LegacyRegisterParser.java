package io.esnode.driver.modbus.internal.codec;

import io.esnode.api.MetricType;
import io.esnode.api.Point;
import io.esnode.api.PueRole;
import io.esnode.api.Quantity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the earlier agent's {@code registers}: a comma list of {@code address:sensor_type:count:scale}. The
 * address is classic (3xxxx input, 4xxxx holding register, also 0xxxx/1xxxx) or a plain 0-based holding register
 * address; count 1 is uint16, count 2 is uint32 with the high word first (ABCD); the unit is {@code slave_id}.
 * The point is named {@code <sensor_type>_<address as written>}, e.g. {@code power_40001}.
 */
public final class LegacyRegisterParser {

    private LegacyRegisterParser() {
    }

    public static List<PointMapping> parse(String registers, PointMapping.Defaults defaults, Set<String> taken) {
        List<PointMapping> out = new ArrayList<>();
        if (registers == null || registers.isBlank()) {
            return out;
        }
        Set<String> names = new HashSet<>(taken);
        for (String entry : registers.split(",")) {
            String e = entry.trim();
            if (!e.isEmpty()) {
                out.add(parseOne(e, defaults, names));
            }
        }
        return out;
    }

    private static PointMapping parseOne(String entry, PointMapping.Defaults defaults, Set<String> names) {
        String[] f = entry.split(":", -1);
        if (f.length < 3 || f.length > 4) {
            throw new IllegalArgumentException("register '" + entry + "' is not address:sensor_type:count[:scale]");
        }
        try {
            String a = f[0].trim();
            PointAddress where = PointAddress.classicOrNull(a);
            if (where == null) {
                where = PointAddress.parse("holding", a);
            }
            DataType type;
            switch (f[2].trim()) {
                case "1": type = DataType.UINT16; break;
                case "2": type = DataType.UINT32; break;
                default: throw new IllegalArgumentException("count '" + f[2].trim() + "' must be 1 or 2");
            }
            double scale = 1.0;
            if (f.length == 4 && !f[3].isBlank()) {
                try {
                    scale = Double.parseDouble(f[3].trim());
                } catch (NumberFormatException nfe) {
                    throw new IllegalArgumentException("scale '" + f[3].trim() + "' is not a number");
                }
            }
            String sensor = f[1].trim();
            String name = (sensor + "_" + a).replaceAll("[^A-Za-z0-9_]", "_");
            if (!names.add(name)) {
                throw new IllegalArgumentException("point name '" + name + "' is used twice");
            }
            int unit = defaults.unitId();
            Point point = new Point(name, Quantity.parse(sensor), "", null, MetricType.GAUGE, scale, 0.0, Map.of(),
                    PueRole.NONE, defaults.ttl(unit));
            if (where.table().isBits()) {
                type = DataType.BOOL;
            }
            return new PointMapping(point, unit, where.table(), where.address(), type, WordOrder.ABCD, -1,
                    where.table().isBits() ? 1 : type.registers(), PointMapping.DEFAULT_STRING_LABEL);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("register '" + entry + "': " + ex.getMessage(), ex);
        }
    }
}
