package io.esnode.driver.snmp.internal.transport;

import io.esnode.api.ErrorKind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.snmp4j.CommunityTarget;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
import org.snmp4j.Snmp;
import org.snmp4j.Target;
import org.snmp4j.UserTarget;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.mp.CounterSupport;
import org.snmp4j.mp.MPv1;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.AuthHMAC128SHA224;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.AuthHMAC256SHA384;
import org.snmp4j.security.AuthHMAC384SHA512;
import org.snmp4j.security.AuthMD5;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.PrivAES192;
import org.snmp4j.security.PrivAES256;
import org.snmp4j.security.PrivDES;
import org.snmp4j.security.SecurityModel;
import org.snmp4j.security.SecurityModels;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TcpAddress;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.AbstractTransportMapping;
import org.snmp4j.transport.DefaultTcpTransportMapping;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * One driver's SNMP stack towards one agent: its own transport, message dispatcher, security protocols and USM
 * (so engine id discovery and the time window of this agent are kept here, and several drivers using the same
 * user name never share keys or clocks). Requests are synchronous on the caller's thread.
 */
public final class AgentConnection implements AutoCloseable {
    private static final Map<OID, String> USM_REPORTS = Map.of(
            SnmpConstants.usmStatsUnsupportedSecLevels, "unsupported security level",
            SnmpConstants.usmStatsNotInTimeWindows, "not in time window",
            SnmpConstants.usmStatsUnknownUserNames, "unknown user name",
            SnmpConstants.usmStatsUnknownEngineIDs, "unknown engine id",
            SnmpConstants.usmStatsWrongDigests, "wrong digest (authentication pass-phrase or protocol wrong?)",
            SnmpConstants.usmStatsDecryptionErrors, "decryption error (privacy pass-phrase or protocol wrong?)");

    private final AgentSettings settings;
    private final Snmp snmp;
    private final Target<Address> target;

    private AgentConnection(AgentSettings settings, Snmp snmp, Target<Address> target) {
        this.settings = settings;
        this.snmp = snmp;
        this.target = target;
    }

    /** Resolves the agent address, opens a local socket and starts listening for responses. */
    public static AgentConnection open(AgentSettings s) throws SnmpRequestException {
        Snmp4jSetup.install();
        Address address;
        try {
            InetAddress ip = InetAddress.getByName(s.host());
            address = s.tcp() ? new TcpAddress(ip, s.port()) : new UdpAddress(ip, s.port());
        } catch (UnknownHostException e) {
            throw new SnmpRequestException(ErrorKind.CONNECT, "cannot resolve agent host '" + s.host() + "'");
        }
        Snmp snmp = null;
        try {
            AbstractTransportMapping<?> transport;
            if (s.tcp()) {
                DefaultTcpTransportMapping tcp = new DefaultTcpTransportMapping();
                tcp.setMaxInboundMessageSize(s.maxMessageSize());
                transport = tcp;
            } else {
                DefaultUdpTransportMapping udp = new DefaultUdpTransportMapping();
                udp.setMaxInboundMessageSize(s.maxMessageSize());
                transport = udp;
            }
            MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
            snmp = new Snmp(dispatcher, transport);
            dispatcher.addMessageProcessingModel(new MPv1());
            dispatcher.addMessageProcessingModel(new MPv2c());
            Target<Address> target;
            if (s.version() == SnmpVersion.V3) {
                target = userTarget(s, address, dispatcher);
            } else {
                CommunityTarget<Address> ct = new CommunityTarget<>(address, new OctetString(s.community()));
                ct.setVersion(s.version().code());
                target = ct;
            }
            target.setTimeout(s.timeoutMillis());
            target.setRetries(s.retries());
            target.setMaxSizeRequestPDU(65535);
            snmp.listen();
            return new AgentConnection(s, snmp, target);
        } catch (IOException | RuntimeException e) {
            closeQuietly(snmp);
            throw new SnmpRequestException(ErrorKind.CONNECT, "cannot open an SNMP socket for " + s.address() + ": "
                    + e.getClass().getSimpleName(), e);
        }
    }

    private static Target<Address> userTarget(AgentSettings s, Address address, MessageDispatcherImpl dispatcher) {
        SecurityProtocols protocols = new SecurityProtocols(SecurityProtocols.SecurityProtocolSet.none);
        protocols.addAuthenticationProtocol(new AuthMD5());
        protocols.addAuthenticationProtocol(new AuthSHA());
        protocols.addAuthenticationProtocol(new AuthHMAC128SHA224());
        protocols.addAuthenticationProtocol(new AuthHMAC192SHA256());
        protocols.addAuthenticationProtocol(new AuthHMAC256SHA384());
        protocols.addAuthenticationProtocol(new AuthHMAC384SHA512());
        protocols.addPrivacyProtocol(new PrivDES());
        protocols.addPrivacyProtocol(new PrivAES128());
        protocols.addPrivacyProtocol(new PrivAES192());
        protocols.addPrivacyProtocol(new PrivAES256());
        OctetString localEngineId = new OctetString(MPv3.createLocalEngineID());
        USM usm = new USM(protocols, localEngineId, 0);
        dispatcher.addMessageProcessingModel(new MPv3(localEngineId.getValue(), null, protocols,
                SecurityModels.getCollection(new SecurityModel[] {usm}), CounterSupport.getInstance()));
        UsmSettings u = s.usm();
        usm.addUser(new UsmUser(new OctetString(u.user()), u.auth() == null ? null : u.auth().id(),
                u.auth() == null ? null : new OctetString(u.authPass()), u.priv() == null ? null : u.priv().id(),
                u.priv() == null ? null : new OctetString(u.privPass())));
        UserTarget<Address> ut = new UserTarget<>();
        ut.setAddress(address);
        ut.setVersion(SnmpConstants.version3);
        ut.setSecurityModel(SecurityModel.SECURITY_MODEL_USM);
        ut.setSecurityName(new OctetString(u.user()));
        ut.setSecurityLevel(u.securityLevel());
        return ut;
    }

    public AgentSettings settings() {
        return settings;
    }

    /** GET of the given OIDs in one PDU; the result has one binding per OID, in order. */
    public List<? extends VariableBinding> get(List<OID> oids) throws SnmpRequestException {
        return send(pdu(PDU.GET, oids, 0));
    }

    /**
     * GETBULK (v2c, v3; non-repeaters 0) or, for v1, GETNEXT of the given OIDs. For GETBULK the bindings come
     * repetition by repetition: binding {@code k} belongs to start OID {@code k % oids.size()}.
     */
    public List<? extends VariableBinding> next(List<OID> oids, int maxRepetitions) throws SnmpRequestException {
        boolean bulk = settings.version() != SnmpVersion.V1;
        return send(pdu(bulk ? PDU.GETBULK : PDU.GETNEXT, oids, bulk ? maxRepetitions : 0));
    }

    private PDU pdu(int type, List<OID> oids, int maxRepetitions) {
        PDU pdu;
        if (settings.version() == SnmpVersion.V3) {
            ScopedPDU scoped = new ScopedPDU();
            scoped.setContextName(new OctetString(settings.usm().contextName()));
            pdu = scoped;
        } else {
            pdu = new PDU();
        }
        pdu.setType(type);
        for (OID oid : oids) {
            pdu.add(new VariableBinding(oid));
        }
        if (type == PDU.GETBULK) {
            pdu.setNonRepeaters(0);
            pdu.setMaxRepetitions(maxRepetitions);
        }
        return pdu;
    }

    private List<? extends VariableBinding> send(PDU request) throws SnmpRequestException {
        ResponseEvent<Address> event;
        try {
            event = snmp.send(request, target);
        } catch (IOException e) {
            throw new SnmpRequestException(ErrorKind.CONNECT, "sending to " + settings.address() + " failed: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        }
        PDU response = event == null ? null : event.getResponse();
        if (response == null) {
            Exception error = event == null ? null : event.getError();
            if (error != null) {
                throw new SnmpRequestException(ErrorKind.PROTOCOL, "request to " + settings.address() + " failed: "
                        + error.getClass().getSimpleName() + " " + error.getMessage(), error);
            }
            throw new SnmpRequestException(ErrorKind.TIMEOUT, "no response from " + settings.address() + " within "
                    + settings.timeoutMillis() + " ms (" + (settings.retries() + 1) + " attempts)");
        }
        if (response.getType() == PDU.REPORT) {
            throw report(response);
        }
        int status = response.getErrorStatus();
        if (status == PDU.tooBig) {
            throw new SnmpRequestException.TooBig("agent " + settings.address() + " answered tooBig for "
                    + request.size() + " variable bindings");
        }
        if (status == PDU.noSuchName) {
            throw new SnmpRequestException.NoSuchName(Math.max(0, response.getErrorIndex() - 1));
        }
        if (status != PDU.noError) {
            throw new SnmpRequestException(status == PDU.authorizationError ? ErrorKind.AUTH : ErrorKind.PROTOCOL,
                    "agent " + settings.address() + " answered " + response.getErrorStatusText() + " (status "
                            + status + ") at variable binding " + response.getErrorIndex());
        }
        return response.getVariableBindings();
    }

    private SnmpRequestException report(PDU response) {
        OID oid = response.size() > 0 ? response.get(0).getOid() : null;
        String what = oid == null ? null : USM_REPORTS.get(oid.trim());
        if (what == null && oid != null) {
            what = USM_REPORTS.get(oid);
        }
        if (what != null) {
            return new SnmpRequestException(ErrorKind.AUTH, "agent " + settings.address() + " rejected user '"
                    + settings.usm().user() + "' (" + settings.usm().levelName() + "): " + what);
        }
        return new SnmpRequestException(ErrorKind.PROTOCOL, "agent " + settings.address() + " sent a report "
                + (oid == null ? "without variable bindings" : oid.toDottedString()));
    }

    /** Closes the transport (its listen thread ends) and the retry timer. */
    @Override
    public void close() {
        closeQuietly(snmp);
    }

    private static void closeQuietly(Snmp snmp) {
        if (snmp != null) {
            try {
                snmp.close();
            } catch (IOException e) {
                // nothing left to do with a socket that fails to close
            }
        }
    }
}
