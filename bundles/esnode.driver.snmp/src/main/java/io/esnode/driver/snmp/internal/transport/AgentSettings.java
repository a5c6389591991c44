package io.esnode.driver.snmp.internal.transport;

/**
 * Where and how to reach one agent. The community and the USM pass-phrases never appear in {@link #toString()}.
 *
 * @param tcp           TCP instead of UDP
 * @param host          host name or address
 * @param port          agent port
 * @param version       message version
 * @param community     v1/v2c community
 * @param usm           v3 user (null for v1/v2c)
 * @param timeoutMillis time to wait for each response
 * @param retries       resends after a timeout
 * @param maxMessageSize largest message this side accepts (v3 tells the agent in msgMaxSize)
 */
public record AgentSettings(boolean tcp, String host, int port, SnmpVersion version, String community,
                            UsmSettings usm, long timeoutMillis, int retries, int maxMessageSize) {

    /** {@code udp:host:port} or {@code tcp:host:port}, as shown in status and logs. */
    public String address() {
        return (tcp ? "tcp:" : "udp:") + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return address() + " v" + version + (version == SnmpVersion.V3 ? " " + usm : " community=****")
                + " timeout=" + timeoutMillis + "ms retries=" + retries;
    }
}
