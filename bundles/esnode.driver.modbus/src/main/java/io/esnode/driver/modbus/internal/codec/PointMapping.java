package io.esnode.driver.modbus.internal.codec;

import io.esnode.api.MetricType;
import io.esnode.api.Point;
import io.esnode.api.util.PointSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where a point lives on the bus and how its registers decode.
 *
 * @param point     the API point (scale, offset, unit, labels, PUE role, ttl)
 * @param unitId    Modbus unit id (slave id) 0..255
 * @param table     data table
 * @param address   0-based PDU address of the first register or bit
 * @param type      data type
 * @param order     byte/word order
 * @param bit       for BOOL in a register table: bit 0..15, else -1
 * @param length    for STRING: registers, else the type's register count (1 for bit tables)
 * @param labelName for STRING: the label that carries the text
 */
public record PointMapping(Point point, int unitId, Table table, int address, DataType type, WordOrder order,
                           int bit, int length, String labelName) {
    public static final String DEFAULT_STRING_LABEL = "value";

    /** Per-unit defaults that points inherit. */
    public interface Defaults {
        int unitId();

        WordOrder order(int unitId);

        Duration ttl(int unitId);
    }

    public PointMapping {
        Objects.requireNonNull(point, "point");
        String n = "point '" + point.name() + "': ";
        if (unitId < 0 || unitId > 255) {
            throw new IllegalArgumentException(n + "unit_id " + unitId + " is outside 0..255");
        }
        if (table.isBits() && type != DataType.BOOL) {
            throw new IllegalArgumentException(n + table.label() + " points are bool, not " + type.label());
        }
        if (type == DataType.BOOL && !table.isBits() && (bit < 0 || bit > 15)) {
            throw new IllegalArgumentException(n + "a bool in a " + table.label() + " register needs bit=0..15");
        }
        if (type == DataType.STRING && (length < 1 || length > RegisterDecoder.MAX_STRING_REGISTERS)) {
            throw new IllegalArgumentException(n + "a string needs length=1.." + RegisterDecoder.MAX_STRING_REGISTERS
                    + " (registers)");
        }
        if (address + length > 0x10000) {
            throw new IllegalArgumentException(n + "registers " + address + ".." + (address + length - 1)
                    + " run past 65535");
        }
        for (String reserved : new String[] {"driver", "point"}) {
            if (point.labels().containsKey(reserved) || reserved.equals(labelName)) {
                throw new IllegalArgumentException(n + "label '" + reserved + "' is reserved");
            }
        }
    }

    /** Registers (or bits) this point occupies. */
    public int size() {
        return length;
    }

    public int end() {
        return address + length;
    }

    /**
     * Builds a mapping from the Modbus keys of a point spec: {@code unit_id} (or {@code slave_id}), {@code table},
     * {@code address}, {@code data_type} (or {@code type} when it names a data type), {@code order}, {@code bit},
     * {@code length}, {@code label_name}.
     */
    public static PointMapping fromSpec(PointSpec spec, Defaults defaults) {
        String name = spec.get("name", "?");
        try {
            PointAddress where = PointAddress.parse(spec.get("table"), spec.get("address"));
            int unit = integer(spec, "unit_id", integer(spec, "slave_id", defaults.unitId()));
            String typeText = spec.get("data_type", spec.get("datatype"));
            DataType typeFromTypeKey = DataType.parseOrNull(spec.get("type"));
            DataType type = typeText != null ? DataType.parse(typeText) : typeFromTypeKey != null ? typeFromTypeKey
                    : where.table().isBits() || spec.get("bit") != null ? DataType.BOOL : DataType.UINT16;
            Point point = spec(spec, typeFromTypeKey).toPoint(defaults.ttl(unit));
            String orderText = spec.get("order");
            WordOrder order = orderText == null ? defaults.order(unit) : WordOrder.parse(orderText);
            int bit = where.table().isBits() ? -1 : integer(spec, "bit", -1);
            int length = type == DataType.STRING ? integer(spec, "length", 0)
                    : where.table().isBits() ? 1 : type.registers();
            if (type != DataType.STRING && spec.get("length") != null) {
                throw new IllegalArgumentException("length applies to strings only");
            }
            if (type == DataType.STRING && point.type() == MetricType.COUNTER) {
                throw new IllegalArgumentException("a string cannot be a counter");
            }
            return new PointMapping(point, unit, where.table(), where.address(), type, order, bit, length,
                    spec.get("label_name", DEFAULT_STRING_LABEL));
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            throw new IllegalArgumentException(m.startsWith("point '") ? m : "point '" + name + "': " + m, e);
        }
    }

    /** The spec without a data type under {@code type}, so that the common key keeps meaning gauge/counter. */
    private static PointSpec spec(PointSpec spec, DataType typeFromTypeKey) {
        if (typeFromTypeKey == null) {
            return spec;
        }
        Map<String, String> m = new LinkedHashMap<>(spec.asMap());
        m.remove("type");
        return PointSpec.parse(PointSpec.format(m));
    }

    private static int integer(PointSpec spec, String key, int dflt) {
        String v = spec.get(key);
        if (v == null || v.isEmpty()) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " '" + v + "' is not an integer");
        }
    }
}
