package io.esnode.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.esnode.api.DriverState;
import io.esnode.api.DriverStatus;
import io.esnode.api.ErrorKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriverHealthCollectorTest {
    private final RegisteredDrivers drivers = new RegisteredDrivers();
    private final ExporterStats stats = new ExporterStats();
    private final DriverHealthCollector collector = new DriverHealthCollector(drivers, stats);

    private void add(TestDriver d) {
        drivers.add(d, d.properties());
    }

    @Test
    void statusBecomesDriverFamilies() {
        add(new TestDriver("m1", "mqtt", () -> new DriverStatus("m1", "mqtt", "tcp://b:1883", DriverState.DEGRADED,
                1_700_000_000_250L, "x", 0, 42, Map.of(ErrorKind.TIMEOUT, 2L, ErrorKind.DECODE, 5L), 4, 0.5)));
        add(new TestDriver("a0", "modbus", () -> new DriverStatus("a0", "modbus", "", DriverState.DISCONNECTED,
                0, "", 0, 0, Map.of(), 0, 0.0)));
        // a0 sorts first; it never succeeded, so it has no last-success sample; 1 700 000 000 250 ms = 1.70000000025E9 s
        assertEquals(""
                + "# HELP esnode_driver_up 1 when the driver reaches its device or broker\n"
                + "# TYPE esnode_driver_up gauge\n"
                + "esnode_driver_up{driver=\"a0\",protocol=\"modbus\",} 0.0\n"
                + "esnode_driver_up{driver=\"m1\",protocol=\"mqtt\",} 1.0\n"
                + "# HELP esnode_driver_last_success_timestamp_seconds Unix time of the driver's last good reading or poll\n"
                + "# TYPE esnode_driver_last_success_timestamp_seconds gauge\n"
                + "esnode_driver_last_success_timestamp_seconds{driver=\"m1\",protocol=\"mqtt\",} 1.70000000025E9\n"
                + "# HELP esnode_driver_errors_total Driver errors by kind\n"
                + "# TYPE esnode_driver_errors_total counter\n"
                + "esnode_driver_errors_total{driver=\"m1\",protocol=\"mqtt\",kind=\"decode\",} 5.0\n"
                + "esnode_driver_errors_total{driver=\"m1\",protocol=\"mqtt\",kind=\"timeout\",} 2.0\n"
                + "# HELP esnode_driver_readings_total Good readings produced by the driver\n"
                + "# TYPE esnode_driver_readings_total counter\n"
                + "esnode_driver_readings_total{driver=\"a0\",protocol=\"modbus\",} 0.0\n"
                + "esnode_driver_readings_total{driver=\"m1\",protocol=\"mqtt\",} 42.0\n"
                + "# HELP esnode_driver_latency_seconds Poll or message latency\n"
                + "# TYPE esnode_driver_latency_seconds summary\n"
                + "esnode_driver_latency_seconds_count{driver=\"a0\",protocol=\"modbus\",} 0.0\n"
                + "esnode_driver_latency_seconds_sum{driver=\"a0\",protocol=\"modbus\",} 0.0\n"
                + "esnode_driver_latency_seconds_count{driver=\"m1\",protocol=\"mqtt\",} 4.0\n"
                + "esnode_driver_latency_seconds_sum{driver=\"m1\",protocol=\"mqtt\",} 0.5\n",
                Exposition.text004(collector));
    }

    @Test
    void declaredErrorKindsStartAtZero() {
        TestDriver d = new TestDriver("m1", "mqtt", () -> new DriverStatus("m1", "mqtt", "", DriverState.CONNECTED,
                0, "", 0, 0, Map.of(ErrorKind.DECODE, 5L), 0, 0.0));
        Map<String, Object> props = new java.util.HashMap<>(d.properties());
        props.put(ErrorKind.DECLARED_KINDS_PROPERTY, new String[] {ErrorKind.CONNECT, ErrorKind.DECODE});
        drivers.add(d, props);
        // connect never happened: 0; decode happened 5 times: 5, not reset by the declaration
        String errors = Exposition.text004(collector).lines().filter(l -> l.startsWith("esnode_driver_errors_total{"))
                .reduce("", (a, b) -> a + b + "\n");
        assertEquals(""
                + "esnode_driver_errors_total{driver=\"m1\",protocol=\"mqtt\",kind=\"connect\",} 0.0\n"
                + "esnode_driver_errors_total{driver=\"m1\",protocol=\"mqtt\",kind=\"decode\",} 5.0\n", errors);
    }

    @Test
    void throwingStatusGivesUpZeroAndCountsAnExporterError() {
        add(new TestDriver("bad", "snmp", () -> {
            throw new IllegalStateException("broken");
        }));
        add(new TestDriver("nul", "snmp", () -> null));
        String text = Exposition.text004(collector);
        assertEquals(""
                + "# HELP esnode_driver_up 1 when the driver reaches its device or broker\n"
                + "# TYPE esnode_driver_up gauge\n"
                + "esnode_driver_up{driver=\"bad\",protocol=\"snmp\",} 0.0\n"
                + "esnode_driver_up{driver=\"nul\",protocol=\"snmp\",} 0.0\n",
                text.substring(0, text.indexOf("# HELP esnode_driver_last_success")));
        assertEquals(2, stats.errors(ExporterStats.DRIVER_STATUS));
    }
}
