package io.esnode.driver.snmp.internal.session;

import io.esnode.driver.snmp.internal.transport.AgentConnection;
import io.esnode.driver.snmp.internal.transport.SnmpRequestException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/**
 * GETs scalar OIDs in batches of at most {@code maxPerGet}; a batch the agent calls tooBig is split in halves,
 * and an SNMPv1 noSuchName drops that OID (it reads as {@code noSuchObject}) and asks again for the rest.
 */
public final class ScalarReader {
    private ScalarReader() {
    }

    public static Map<OID, Variable> read(AgentConnection c, List<OID> oids, int maxPerGet) throws SnmpRequestException {
        Map<OID, Variable> out = new HashMap<>();
        for (int i = 0; i < oids.size(); i += maxPerGet) {
            readBatch(c, new ArrayList<>(oids.subList(i, Math.min(oids.size(), i + maxPerGet))), out);
        }
        return out;
    }

    private static void readBatch(AgentConnection c, List<OID> batch, Map<OID, Variable> out) throws SnmpRequestException {
        while (!batch.isEmpty()) {
            List<? extends VariableBinding> vbs;
            try {
                vbs = c.get(batch);
            } catch (SnmpRequestException.TooBig e) {
                if (batch.size() == 1) {
                    throw e;
                }
                int half = batch.size() / 2;
                readBatch(c, new ArrayList<>(batch.subList(0, half)), out);
                readBatch(c, new ArrayList<>(batch.subList(half, batch.size())), out);
                return;
            } catch (SnmpRequestException.NoSuchName e) {
                int idx = Math.min(e.index(), batch.size() - 1);
                out.put(batch.remove(idx), Null.noSuchObject);
                continue;
            }
            for (int i = 0; i < batch.size(); i++) {
                Variable v = i < vbs.size() && batch.get(i).equals(vbs.get(i).getOid()) ? vbs.get(i).getVariable()
                        : Null.noSuchInstance;
                out.put(batch.get(i), v);
            }
            return;
        }
    }
}
