package io.esnode.driver.snmp.internal.session;

import io.esnode.api.MetricType;
import io.esnode.api.Reading;
import io.esnode.driver.snmp.internal.codec.DecodeException;
import io.esnode.driver.snmp.internal.codec.NumericValue;
import io.esnode.driver.snmp.internal.codec.VariableDecoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;

/**
 * Turns the values of one poll into readings: exact unsigned counters travel with {@link Reading#ofUnsigned}, a
 * missing value (noSuchObject, noSuchInstance, endOfMibView) gives no reading at all, and a value that cannot be
 * decoded is reported, never published as 0.
 */
public final class ReadingMapper {
    private final String driverId;

    public ReadingMapper(String driverId) {
        this.driverId = driverId;
    }

    public PollResult map(List<SnmpPoint> points, Map<OID, Variable> scalars,
                          Map<OID, TreeMap<OID, Variable>> columns, long nowMillis) {
        List<Reading> readings = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (SnmpPoint p : points) {
            if (!p.table()) {
                Variable v = scalars.get(p.oid());
                if (VariableDecoder.isMissing(v)) {
                    missing.add(p.point().name() + " (" + p.oid() + ": " + VariableDecoder.missingReason(v) + ")");
                } else {
                    add(p, Map.of(), v, nowMillis, readings, errors);
                }
                continue;
            }
            TreeMap<OID, Variable> rows = columns.getOrDefault(p.oid(), new TreeMap<>());
            if (rows.isEmpty()) {
                missing.add(p.point().name() + " (" + p.oid() + ": no rows)");
            }
            for (Map.Entry<OID, Variable> row : rows.entrySet()) {
                add(p, rowLabels(p, row.getKey(), columns), row.getValue(), nowMillis, readings, errors);
            }
        }
        return new PollResult(readings, missing, errors);
    }

    private void add(SnmpPoint p, Map<String, String> labels, Variable v, long now, List<Reading> out,
                     List<String> errors) {
        NumericValue n;
        try {
            n = VariableDecoder.toNumber(v, p.numbers());
        } catch (DecodeException e) {
            errors.add(p.point().name() + labels + ": " + e.getMessage());
            return;
        }
        if (n.exact() && p.point().type() == MetricType.COUNTER) {
            out.add(Reading.ofUnsigned(driverId, p.point(), labels, n.unsigned(), now));
        } else {
            out.add(Reading.of(driverId, p.point(), labels, n.value(), now));
        }
    }

    static Map<String, String> rowLabels(SnmpPoint p, OID index, Map<OID, TreeMap<OID, Variable>> columns) {
        Map<String, String> labels = new LinkedHashMap<>();
        List<String> names = p.indexLabels();
        int[] sub = index.getValue();
        for (int i = 0; i < names.size() && i < sub.length; i++) {
            if (i == names.size() - 1) {
                labels.put(names.get(i), new OID(sub, i, sub.length - i).toDottedString());
            } else {
                labels.put(names.get(i), Long.toString(sub[i] & 0xffffffffL));
            }
        }
        p.labelColumns().forEach((label, col) -> {
            TreeMap<OID, Variable> rows = columns.get(col);
            Variable v = rows == null ? null : rows.get(index);
            labels.put(label, v == null ? "" : VariableDecoder.toLabel(v));
        });
        return labels;
    }
}
