package io.esnode.driver.snmp.internal.session;

import io.esnode.driver.snmp.internal.codec.VariableDecoder;
import io.esnode.driver.snmp.internal.transport.AgentConnection;
import io.esnode.driver.snmp.internal.transport.SnmpRequestException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/**
 * Walks several table columns at once, like {@code snmpbulkwalk} but side by side: each GETBULK carries the last
 * OID seen of up to {@code maxColumnsPerRequest} unfinished columns; a column is finished when the agent answers
 * with an OID outside it or endOfMibView. SNMPv1 uses GETNEXT (one row per request). The walk is bounded by
 * {@code maxRows} per column, so a misbehaving agent (OIDs not increasing) cannot loop forever.
 */
public final class TableWalker {
    private TableWalker() {
    }

    /** Column OID to (row index to value), indexes in OID order. */
    public static Map<OID, TreeMap<OID, Variable>> walk(AgentConnection c, List<OID> columns, int maxRepetitions,
                                                       int maxColumnsPerRequest, int maxRows) throws SnmpRequestException {
        Map<OID, TreeMap<OID, Variable>> out = new HashMap<>();
        Map<OID, OID> cursor = new HashMap<>();
        List<OID> active = new ArrayList<>();
        for (OID col : columns) {
            if (!out.containsKey(col)) {
                out.put(col, new TreeMap<>());
                cursor.put(col, col);
                active.add(col);
            }
        }
        int reps = Math.max(1, maxRepetitions);
        while (!active.isEmpty()) {
            List<OID> cols = new ArrayList<>(active.subList(0, Math.min(active.size(), maxColumnsPerRequest)));
            List<OID> starts = new ArrayList<>();
            cols.forEach(col -> starts.add(cursor.get(col)));
            List<? extends VariableBinding> vbs;
            try {
                vbs = c.next(starts, reps);
            } catch (SnmpRequestException.NoSuchName e) {
                active.remove(cols.get(Math.min(e.index(), cols.size() - 1))); // v1: end of the MIB
                continue;
            } catch (SnmpRequestException.TooBig e) {
                if (reps == 1 && cols.size() == 1) {
                    throw e;
                }
                reps = Math.max(1, reps / 2);
                maxColumnsPerRequest = reps == 1 ? Math.max(1, maxColumnsPerRequest / 2) : maxColumnsPerRequest;
                continue;
            }
            boolean[] done = new boolean[cols.size()];
            for (int k = 0; k < vbs.size(); k++) {
                int i = k % cols.size();
                if (done[i]) {
                    continue;
                }
                OID col = cols.get(i);
                VariableBinding vb = vbs.get(k);
                OID oid = vb.getOid();
                Variable v = vb.getVariable();
                TreeMap<OID, Variable> rows = out.get(col);
                if (VariableDecoder.isMissing(v) || oid == null || !oid.startsWith(col) || oid.size() <= col.size()
                        || oid.compareTo(cursor.get(col)) <= 0 || rows.size() >= maxRows) {
                    done[i] = true;
                    continue;
                }
                rows.put(new OID(oid.getValue(), col.size(), oid.size() - col.size()), v);
                cursor.put(col, oid);
            }
            if (vbs.isEmpty()) {
                done[0] = true; // an empty answer would otherwise be asked again forever
            }
            for (int i = 0; i < cols.size(); i++) {
                if (done[i]) {
                    active.remove(cols.get(i));
                }
            }
        }
        return out;
    }
}
