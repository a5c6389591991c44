package io.esnode.demo.snmp;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.snmp4j.CommandResponder;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.mp.MPv1;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.StatusInformation;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.SMIConstants;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * A simulated APC rack PDU (PowerNet-MIB rPDU2) on a loopback UDP port, answering SNMP v1/v2c GET, GETNEXT and
 * GETBULK for community {@code public}: the whole-PDU power and energy (rPDU2DeviceStatusTable), one phase
 * (rPDU2PhaseStatusTable) and eight metered outlets (rPDU2OutletMeteredStatusTable) whose power varies slowly with
 * time. It is what the gateway's {@code apc-rpdu2} profile reads, so the demo's IT power comes over SNMP.
 */
public final class PduAgentSimulator implements CommandResponder {
    private static final Logger LOG = LoggerFactory.getLogger(PduAgentSimulator.class);
    static final String RPDU2 = "1.3.6.1.4.1.318.1.1.26";
    static final String DEVICE = RPDU2 + ".4.3.1";
    static final String PHASE = RPDU2 + ".6.3.1";
    static final String OUTLET = RPDU2 + ".9.4.3.1";
    static final int OUTLETS = 8;
    static final double VOLTS = 230.0;
    private static final int MAX_BULK_BINDINGS = 500;

    private final String community;
    private final long startMillis = System.currentTimeMillis();

    private PduAgentSimulator(String community) {
        this.community = community;
    }

    /** Starts answering on 127.0.0.1:{@code port} (community {@code public}); close the result to stop. */
    public static AutoCloseable start(int port) throws IOException {
        return start(port, "public");
    }

    public static AutoCloseable start(int port, String community) throws IOException {
        DefaultUdpTransportMapping transport = new DefaultUdpTransportMapping(
                new UdpAddress(InetAddress.getLoopbackAddress(), port));
        MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
        dispatcher.addMessageProcessingModel(new MPv1());
        dispatcher.addMessageProcessingModel(new MPv2c());
        Snmp snmp = new Snmp(dispatcher, transport);
        snmp.addCommandResponder(new PduAgentSimulator(community));
        snmp.listen();
        LOG.info("simulated rack PDU (APC rPDU2, {} outlets) answering SNMP on udp:127.0.0.1:{}", OUTLETS, port);
        return snmp::close;
    }

    /** Outlet {@code n}'s power in W (1-based): a base of 300 to 650 W, ±10 % on its own period. */
    static double outletWatts(int n, double seconds) {
        double base = 300 + 50 * (n - 1);
        return Math.round(base * (1 + 0.1 * Math.sin(2 * Math.PI * seconds / (120 + 15 * n) + n)));
    }

    /** The values at {@code seconds} after start, in OID order. */
    static NavigableMap<OID, Variable> values(double seconds) {
        TreeMap<OID, Variable> v = new TreeMap<>();
        double total = 0;
        for (int n = 1; n <= OUTLETS; n++) {
            double w = outletWatts(n, seconds);
            total += w;
            v.put(new OID(OUTLET + ".1." + n), new Integer32(n));
            v.put(new OID(OUTLET + ".3." + n), new OctetString("server-" + n));
            v.put(new OID(OUTLET + ".4." + n), new Integer32(n));
            v.put(new OID(OUTLET + ".6." + n), new Integer32((int) Math.round(w / VOLTS * 10))); // tenths of A
            v.put(new OID(OUTLET + ".7." + n), new Integer32((int) w)); // W
            v.put(new OID(OUTLET + ".11." + n), new Integer32((int) (w * seconds / 3600 / 100))); // tenths of kWh
        }
        int hundredthsKw = (int) Math.round(total / 10);
        v.put(new OID(DEVICE + ".1.1"), new Integer32(1));
        v.put(new OID(DEVICE + ".3.1"), new OctetString("demo-pdu"));
        v.put(new OID(DEVICE + ".4.1"), new Integer32(1)); // lowLoad
        v.put(new OID(DEVICE + ".5.1"), new Integer32(hundredthsKw));
        v.put(new OID(DEVICE + ".9.1"), new Integer32((int) (total * seconds / 3600 / 100)));
        v.put(new OID(PHASE + ".1.1"), new Integer32(1));
        v.put(new OID(PHASE + ".5.1"), new Integer32((int) Math.round(total / VOLTS * 10)));
        v.put(new OID(PHASE + ".6.1"), new Integer32((int) VOLTS));
        v.put(new OID(PHASE + ".7.1"), new Integer32(hundredthsKw));
        v.put(new OID("1.3.6.1.2.1.1.1.0"), new OctetString("ESNODE demo rack PDU (simulated APC rPDU2)"));
        v.put(new OID("1.3.6.1.2.1.1.3.0"), new TimeTicks((long) (seconds * 100)));
        return v;
    }

    @Override
    public <A extends org.snmp4j.smi.Address> void processPdu(CommandResponderEvent<A> event) {
        PDU request = event.getPDU();
        if (request == null || !community.equals(new String(event.getSecurityName()))) {
            return; // wrong community: no answer, as real agents do
        }
        NavigableMap<OID, Variable> values = values((System.currentTimeMillis() - startMillis) / 1000.0);
        boolean v1 = event.getMessageProcessingModel() == org.snmp4j.mp.MessageProcessingModel.MPv1;
        PDU response = new PDU();
        response.setType(PDU.RESPONSE);
        response.setRequestID(request.getRequestID());
        int index = 0;
        switch (request.getType()) {
            case PDU.GET:
                for (VariableBinding vb : request.getVariableBindings()) {
                    index++;
                    Variable val = values.get(vb.getOid());
                    if (val == null && v1) {
                        error(response, request, PDU.noSuchName, index);
                        break;
                    }
                    response.add(new VariableBinding(vb.getOid(), val == null ? Null.noSuchObject : val));
                }
                break;
            case PDU.GETNEXT:
                for (VariableBinding vb : request.getVariableBindings()) {
                    index++;
                    Map.Entry<OID, Variable> next = values.higherEntry(vb.getOid());
                    if (next == null && v1) {
                        error(response, request, PDU.noSuchName, index);
                        break;
                    }
                    response.add(next == null ? new VariableBinding(vb.getOid(), Null.endOfMibView)
                            : new VariableBinding(next.getKey(), next.getValue()));
                }
                break;
            case PDU.GETBULK:
                bulk(request, values, response);
                break;
            default:
                error(response, request, PDU.genErr, 0);
        }
        try {
            event.getMessageDispatcher().returnResponsePdu(event.getMessageProcessingModel(), event.getSecurityModel(),
                    event.getSecurityName(), event.getSecurityLevel(), response, event.getMaxSizeResponsePDU(),
                    event.getStateReference(), new StatusInformation());
            event.setProcessed(true);
        } catch (org.snmp4j.MessageException e) {
            LOG.warn("simulated PDU: could not answer: {}", e.getMessage());
        }
    }

    private static void bulk(PDU request, NavigableMap<OID, Variable> values, PDU response) {
        int nonRepeaters = Math.max(0, Math.min(request.getNonRepeaters(), request.size()));
        int repeaters = request.size() - nonRepeaters;
        for (int i = 0; i < nonRepeaters; i++) {
            response.add(next(values, request.get(i).getOid()));
        }
        OID[] cursor = new OID[repeaters];
        for (int i = 0; i < repeaters; i++) {
            cursor[i] = request.get(nonRepeaters + i).getOid();
        }
        int reps = repeaters == 0 ? 0 : Math.min(Math.max(0, request.getMaxRepetitions()), MAX_BULK_BINDINGS / repeaters);
        for (int r = 0; r < reps; r++) {
            boolean allEnded = true;
            for (int i = 0; i < repeaters; i++) {
                VariableBinding vb = next(values, cursor[i]);
                response.add(vb);
                if (vb.getVariable().getSyntax() != SMIConstants.EXCEPTION_END_OF_MIB_VIEW) {
                    cursor[i] = vb.getOid();
                    allEnded = false;
                }
            }
            if (allEnded) {
                break;
            }
        }
    }

    private static VariableBinding next(NavigableMap<OID, Variable> values, OID oid) {
        Map.Entry<OID, Variable> next = values.higherEntry(oid);
        return next == null ? new VariableBinding(oid, Null.endOfMibView) : new VariableBinding(next.getKey(), next.getValue());
    }

    private static void error(PDU response, PDU request, int status, int index) {
        response.clear();
        response.addAll(request.getVariableBindings());
        response.setErrorStatus(status);
        response.setErrorIndex(index);
    }

    /** Runs the simulator alone: {@code java … PduAgentSimulator [port]} (default 1161). */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 1161;
        try (AutoCloseable agent = start(port)) {
            Thread.currentThread().join();
        }
    }
}
