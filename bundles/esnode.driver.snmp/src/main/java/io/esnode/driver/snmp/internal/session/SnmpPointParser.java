package io.esnode.driver.snmp.internal.session;

import io.esnode.api.Point;
import io.esnode.api.util.PointSpec;
import io.esnode.driver.snmp.internal.codec.NumberInText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snmp4j.smi.OID;

/**
 * Reads the SNMP keys of a point spec: {@code oid} (a scalar instance), or {@code table} (the entry OID) with
 * {@code column} (a number below the entry, or a full column OID), {@code index_labels} (comma list of label names
 * for the index, default {@code index}; {@code none} for no index label) and {@code label_columns} (comma list of
 * {@code label:column}, column as number below the entry or full OID); {@code pattern} finds the number in text.
 */
public final class SnmpPointParser {
    private static final Set<String> RESERVED = Set.of("driver", "point");

    private SnmpPointParser() {
    }

    public static SnmpPoint parse(PointSpec spec, Duration defaultTtl, Map<String, String> extraLabels) {
        Point base = spec.toPoint(defaultTtl);
        Map<String, String> labels = new LinkedHashMap<>(extraLabels);
        labels.putAll(base.labels());
        Point point = base.withLabels(labels);
        String name = point.name();
        NumberInText numbers = NumberInText.of(spec.get("pattern"));
        String oid = spec.get("oid");
        String table = spec.get("table");
        String column = spec.get("column");
        if (oid != null && (table != null || column != null)) {
            throw new IllegalArgumentException("point '" + name + "': set either oid (scalar) or table/column, not both");
        }
        if (oid != null) {
            return new SnmpPoint(point, oid(name, "oid", oid), false, List.of(), Map.of(), numbers);
        }
        if (column == null) {
            throw new IllegalArgumentException("point '" + name + "': needs oid=<instance OID> or table=<entry OID>;column=<n>");
        }
        OID entry = table == null ? null : oid(name, "table", table);
        OID columnOid = column(name, "column", column, entry);
        List<String> indexLabels = indexLabels(name, spec.get("index_labels", "index"));
        Map<String, OID> labelColumns = new LinkedHashMap<>();
        String lc = spec.get("label_columns", "");
        for (String part : lc.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int colon = part.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("point '" + name + "': label_columns entry '" + part.trim()
                        + "' is not label:column");
            }
            String label = checkLabel(name, part.substring(0, colon).trim());
            labelColumns.put(label, column(name, "label_columns", part.substring(colon + 1).trim(), entry));
        }
        for (String l : indexLabels) {
            if (labelColumns.containsKey(l)) {
                throw new IllegalArgumentException("point '" + name + "': label '" + l + "' is both an index label and a label column");
            }
        }
        return new SnmpPoint(point, columnOid, true, indexLabels, labelColumns, numbers);
    }

    private static List<String> indexLabels(String name, String text) {
        List<String> out = new ArrayList<>();
        if (text.trim().equalsIgnoreCase("none")) {
            return out;
        }
        for (String l : text.split(",")) {
            if (!l.isBlank()) {
                out.add(checkLabel(name, l.trim()));
            }
        }
        return out;
    }

    private static String checkLabel(String name, String label) {
        if (!label.matches("[a-zA-Z_][a-zA-Z0-9_]*") || RESERVED.contains(label) || label.startsWith("__")) {
            throw new IllegalArgumentException("point '" + name + "': '" + label + "' is not a usable label name");
        }
        return label;
    }

    private static OID column(String name, String key, String text, OID entry) {
        if (text.matches("\\d+")) {
            if (entry == null) {
                throw new IllegalArgumentException("point '" + name + "': " + key + " '" + text
                        + "' is a column number, so table=<entry OID> is required");
            }
            OID c = new OID(entry);
            c.append(Integer.parseInt(text));
            return c;
        }
        return oid(name, key, text);
    }

    /** Parses a dotted numeric OID (a leading dot is allowed). */
    public static OID oid(String name, String key, String text) {
        String t = text.trim();
        if (t.startsWith(".")) {
            t = t.substring(1);
        }
        if (!t.matches("\\d+(\\.\\d+)+")) {
            throw new IllegalArgumentException("point '" + name + "': " + key + " '" + text + "' is not a numeric OID");
        }
        for (String part : t.split("\\.")) {
            if (part.length() > 10 || Long.parseLong(part) > 0xffffffffL) {
                throw new IllegalArgumentException("point '" + name + "': " + key + " '" + text
                        + "' has a sub-identifier above 4294967295");
            }
        }
        return new OID(t);
    }
}
