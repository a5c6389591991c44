package io.esnode.driver.snmp.internal.session;

import io.esnode.driver.snmp.internal.transport.AgentSettings;
import java.util.List;

/**
 * How one driver polls.
 *
 * @param driverId       driver id (thread names, log lines)
 * @param agent          the agent and credentials
 * @param points         what to read
 * @param pollMillis     poll interval
 * @param maxRepetitions GETBULK max-repetitions per column
 * @param maxOidsPerGet  variable bindings per GET (and columns per GETBULK)
 * @param maxRows        rows read per column at most
 */
public record SessionSettings(String driverId, AgentSettings agent, List<SnmpPoint> points, long pollMillis,
                              int maxRepetitions, int maxOidsPerGet, int maxRows) {

    public SessionSettings {
        points = List.copyOf(points);
    }

    public String threadPrefix() {
        return "esnode-snmp-" + driverId;
    }
}
