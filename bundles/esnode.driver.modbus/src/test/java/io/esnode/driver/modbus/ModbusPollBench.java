package io.esnode.driver.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ghgande.j2mod.modbus.io.ModbusTCPTransaction;
import com.ghgande.j2mod.modbus.msg.ReadMultipleRegistersRequest;
import com.ghgande.j2mod.modbus.msg.ReadMultipleRegistersResponse;
import com.ghgande.j2mod.modbus.net.TCPMasterConnection;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import io.esnode.api.Reading;
import io.esnode.api.ReadingStore;
import io.esnode.api.SeriesKey;
import io.esnode.driver.modbus.internal.session.PollSession;
import io.esnode.driver.modbus.testing.PyModbusServer;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Benchmark, not a timed test (runs only with {@code -Desnode.bench=true}): registers/s when the driver polls
 * 20 units x 100 holding registers (50 float32 points each) from a j2mod TCP slave on loopback, against a bare
 * j2mod read loop doing the same 20 reads of 100 registers in the same JVM, alternating 10 rounds of 1 s each (medians,
 * because the machine may be shared).
 * Command: {@code ./mvnw -q -pl bundles/esnode.driver.modbus -Desnode.bench=true -Dtest=ModbusPollBench test}
 */
@EnabledIfSystemProperty(named = "esnode.bench", matches = "true")
class ModbusPollBench {
    static final int UNITS = 20;
    static final int REGISTERS = 100;
    static final long WINDOW_MILLIS = 1000;
    static final int ROUNDS = 10;
    static final java.lang.management.ThreadMXBean MX = java.lang.management.ManagementFactory.getThreadMXBean();
    static final List<Double> BARE_CPU_NANOS_PER_REQUEST = new ArrayList<>();
    static final List<Double> DRIVER_CPU_NANOS_PER_REQUEST = new ArrayList<>();

    @Test
    void driverPollingVersusBareJ2modLoop() throws Exception {
        int port = PyModbusServer.freePort();
        ModbusSlave slave = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 4, false);
        for (int u = 1; u <= UNITS; u++) {
            SimpleProcessImage image = new SimpleProcessImage(u);
            for (int r = 0; r < REGISTERS; r++) {
                image.addRegister(new SimpleRegister(u * 1000 + r));
            }
            slave.addProcessImage(u, image);
        }
        slave.open();
        try {
            List<Double> bare = new ArrayList<>();
            List<Double> driver = new ArrayList<>();
            bareLoop(port, 1000); // warm-up
            driverLoop(port, 1000, new int[1]);
            int[] requestsPerCycle = new int[1];
            for (int round = 0; round < ROUNDS; round++) {
                bare.add(bareLoop(port, WINDOW_MILLIS));
                driver.add(driverLoop(port, WINDOW_MILLIS, requestsPerCycle));
            }
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < ROUNDS; i++) {
                ratios.add(driver.get(i) / bare.get(i));
            }
            System.out.printf(Locale.ROOT, "BENCH bare j2mod loop registers/s per round: %s median %.0f%n", fmt(bare),
                    median(bare));
            System.out.printf(Locale.ROOT, "BENCH driver polling registers/s per round: %s median %.0f%n", fmt(driver),
                    median(driver));
            System.out.printf(Locale.ROOT, "BENCH driver/bare per round pair: %s median %.3f, ratio of medians %.3f%n",
                    ratios.stream().map(x -> String.format(Locale.ROOT, "%.2f", x)).toList(), median(ratios),
                    median(driver) / median(bare));
            // client CPU per request is not disturbed by other load on the machine (the server's share is excluded)
            double bareCpu = median(BARE_CPU_NANOS_PER_REQUEST.subList(1, BARE_CPU_NANOS_PER_REQUEST.size())) / 1000;
            double driverCpu = median(DRIVER_CPU_NANOS_PER_REQUEST.subList(1, DRIVER_CPU_NANOS_PER_REQUEST.size())) / 1000;
            System.out.printf(Locale.ROOT, "BENCH client CPU per request of 100 registers: bare %.1f us, driver %.1f us "
                    + "(decode 50 float32 + publish 50 readings included), bare/driver = %.3f%n", bareCpu, driverCpu,
                    bareCpu / driverCpu);
            System.out.printf(Locale.ROOT, "BENCH load average %.2f on %d cpus%n",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            // minimum: each unit's 100 contiguous registers fit one read (<= 125)
            System.out.printf(Locale.ROOT, "BENCH requests per poll cycle = %d, minimum = %d%n", requestsPerCycle[0], UNITS);
            assertEquals(UNITS, requestsPerCycle[0]);
        } finally {
            slave.close();
        }
    }

    private static double median(List<Double> xs) {
        List<Double> sorted = xs.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String fmt(List<Double> xs) {
        return xs.stream().map(x -> String.format(Locale.ROOT, "%.0f", x)).toList().toString();
    }

    /** The limit: one j2mod connection reading 100 registers from each unit in turn, as fast as it can. */
    private static double bareLoop(int port, long millis) throws Exception {
        TCPMasterConnection con = new TCPMasterConnection(InetAddress.getLoopbackAddress());
        con.setPort(port);
        con.setTimeout(1000);
        con.connect();
        long registers = 0;
        try {
            long cpu0 = MX.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            long end = start + millis * 1_000_000L;
            while (System.nanoTime() < end) {
                for (int u = 1; u <= UNITS; u++) {
                    ReadMultipleRegistersRequest req = new ReadMultipleRegistersRequest(0, REGISTERS);
                    req.setUnitID(u);
                    ModbusTCPTransaction t = new ModbusTCPTransaction(con);
                    t.setRequest(req);
                    t.execute();
                    ReadMultipleRegistersResponse res = (ReadMultipleRegistersResponse) t.getResponse();
                    if (res.getRegisterValue(0) != u * 1000) {
                        throw new AssertionError("unit " + u + " register 0 = " + res.getRegisterValue(0));
                    }
                    registers += res.getWordCount();
                }
            }
            BARE_CPU_NANOS_PER_REQUEST.add((MX.getCurrentThreadCpuTime() - cpu0) / (registers / (double) REGISTERS));
            return registers * 1e9 / (System.nanoTime() - start);
        } finally {
            con.close();
        }
    }

    /** The driver with a poll interval of 1 µs (always due), decoding 50 float32 points per unit and publishing. */
    private static double driverLoop(int port, long millis, int[] requestsPerCycle) throws Exception {
        List<String> points = new ArrayList<>();
        for (int u = 1; u <= UNITS; u++) {
            for (int p = 0; p < REGISTERS / 2; p++) {
                points.add("name=u" + u + "_p" + p + ";unit_id=" + u + ";table=holding;address=" + (2 * p)
                        + ";data_type=float32");
            }
        }
        CountingStore store = new CountingStore();
        ModbusDriver driver = new ModbusDriver(store);
        driver.start(TestConfigs.config("id", "bench", "host", "127.0.0.1", "port", port, "poll_interval", "0.000001",
                "timeout", "1", "points", points.toArray(new String[0])));
        try {
            PollSession s = driver.session();
            requestsPerCycle[0] = s.requestsPerCycle();
            while (s.cycles() < UNITS) {
                Thread.sleep(1);
            }
            Thread poller = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("esnode-modbus-bench-")).findFirst().orElseThrow();
            long cpu0 = MX.getThreadCpuTime(poller.getId());
            long items0 = s.itemsRead();
            long start = System.nanoTime();
            Thread.sleep(millis);
            long items = s.itemsRead() - items0;
            DRIVER_CPU_NANOS_PER_REQUEST.add((MX.getThreadCpuTime(poller.getId()) - cpu0) / (items / (double) REGISTERS));
            return items * 1e9 / (System.nanoTime() - start);
        } finally {
            driver.deactivate();
        }
    }

    /** Keeps the latest reading per series, as the real store does. */
    static final class CountingStore implements ReadingStore {
        final Map<SeriesKey, Reading> latest = new ConcurrentHashMap<>();

        @Override
        public void publish(List<Reading> readings) {
            for (Reading r : readings) {
                latest.put(r.key(), r);
            }
        }

        @Override
        public void removeDriver(String driverId) {
            latest.clear();
        }

        @Override
        public void remove(SeriesKey key) {
            latest.remove(key);
        }

        @Override
        public List<Reading> fresh(long nowMillis) {
            return List.copyOf(latest.values());
        }

        @Override
        public List<Reading> all() {
            return List.copyOf(latest.values());
        }

        @Override
        public long ttlMillis(Reading reading) {
            return 60_000;
        }
    }
}
