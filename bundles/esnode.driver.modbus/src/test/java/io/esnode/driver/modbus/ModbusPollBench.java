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
 * j2mod read loop doing the same 20 reads of 100 registers in the same JVM and run, in {@value #PAIRS} interleaved
 * pairs of rounds (order alternating bare-driver / driver-bare), reporting medians.
 *
 * <p>The whole JVM (client, server and every later thread) is pinned to one CPU with {@code taskset} while it runs.
 * Unpinned, a round's rate depended mostly on whether the scheduler happened to put the client and the server
 * thread on the same CPU (a direct hand-over, about 12 µs per request) or on two (each hand-over wakes an idle vCPU,
 * about 60 µs), which flipped between rounds and gave 5x swings. On one CPU a request costs the sum of the client's
 * and the server's work, the same way for both loops, so the ratio measures what the driver adds.
 * Command: {@code ./mvnw -q -pl bundles/esnode.driver.modbus -Desnode.bench=true -Dtest=ModbusPollBench test}
 */
@EnabledIfSystemProperty(named = "esnode.bench", matches = "true")
class ModbusPollBench {
    static final int UNITS = 20;
    static final int REGISTERS = 100;
    static final long WINDOW_MILLIS = 500;
    static final long WARM_UP_MILLIS = 2500;
    static final int PAIRS = 20;
    static final java.lang.management.ThreadMXBean MX = java.lang.management.ManagementFactory.getThreadMXBean();
    static final List<Double> BARE_CPU_NANOS_PER_REQUEST = new ArrayList<>();
    static final List<Double> DRIVER_CPU_NANOS_PER_REQUEST = new ArrayList<>();
    static final List<Double> DISCARDING_CPU_NANOS_PER_REQUEST = new ArrayList<>();

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
        String pinning = pinWholeJvmToOneCpu();
        slave.open();
        try {
            List<Double> bare = new ArrayList<>();
            List<Double> driver = new ArrayList<>();
            List<Double> discarding = new ArrayList<>();
            int[] requestsPerCycle = new int[1];
            // warm-up (JIT) of every loop, twice each, not counted
            for (int i = 0; i < 2; i++) {
                bareLoop(port, WARM_UP_MILLIS / 2);
                driverLoop(port, WARM_UP_MILLIS / 2, requestsPerCycle, true);
                driverLoop(port, WARM_UP_MILLIS / 4, requestsPerCycle, false);
            }
            BARE_CPU_NANOS_PER_REQUEST.clear();
            DRIVER_CPU_NANOS_PER_REQUEST.clear();
            DISCARDING_CPU_NANOS_PER_REQUEST.clear();
            for (int pair = 0; pair < PAIRS; pair++) {
                if (pair % 2 == 0) {
                    bare.add(bareLoop(port, WINDOW_MILLIS));
                    driver.add(driverLoop(port, WINDOW_MILLIS, requestsPerCycle, true));
                    discarding.add(driverLoop(port, WINDOW_MILLIS / 2, requestsPerCycle, false));
                } else {
                    discarding.add(driverLoop(port, WINDOW_MILLIS / 2, requestsPerCycle, false));
                    driver.add(driverLoop(port, WINDOW_MILLIS, requestsPerCycle, true));
                    bare.add(bareLoop(port, WINDOW_MILLIS));
                }
            }
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < PAIRS; i++) {
                ratios.add(driver.get(i) / bare.get(i));
            }
            System.out.printf(Locale.ROOT, "BENCH %s%n", pinning);
            System.out.printf(Locale.ROOT, "BENCH bare j2mod loop registers/s per round: %s median %.0f%n", fmt(bare),
                    median(bare));
            System.out.printf(Locale.ROOT, "BENCH driver polling registers/s per round: %s median %.0f%n", fmt(driver),
                    median(driver));
            System.out.printf(Locale.ROOT, "BENCH driver/bare per round pair: %s median %.3f (quartiles %.3f..%.3f), "
                    + "ratio of medians %.3f%n",
                    ratios.stream().map(x -> String.format(Locale.ROOT, "%.2f", x)).toList(), median(ratios),
                    quantile(ratios, 0.25), quantile(ratios, 0.75), median(driver) / median(bare));
            double bareCpu = median(BARE_CPU_NANOS_PER_REQUEST) / 1000;
            double driverCpu = median(DRIVER_CPU_NANOS_PER_REQUEST) / 1000;
            double discardingCpu = median(DISCARDING_CPU_NANOS_PER_REQUEST) / 1000;
            System.out.printf(Locale.ROOT, "BENCH client CPU per request of 100 registers: bare %.2f us, "
                    + "driver %.2f us (decode 50 float32 + publish 50 readings included), bare/driver = %.3f%n",
                    bareCpu, driverCpu, bareCpu / driverCpu);
            // not the goal, a breakdown: the same driver handing its readings to a store that only counts them
            System.out.printf(Locale.ROOT, "BENCH breakdown, driver with a discarding store: registers/s median %.0f = "
                    + "%.3f x bare, client CPU per request %.2f us, so the store's 50 puts cost %.2f us%n",
                    median(discarding), median(discarding) / median(bare), discardingCpu, driverCpu - discardingCpu);
            System.out.printf(Locale.ROOT, "BENCH load average %.2f on %d cpus%n",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), CPUS);
            // minimum: each unit's 100 contiguous registers fit one read (<= 125)
            System.out.printf(Locale.ROOT, "BENCH requests per poll cycle = %d, minimum = %d%n", requestsPerCycle[0],
                    UNITS);
            assertEquals(UNITS, requestsPerCycle[0]);
        } finally {
            slave.close();
            unpinWholeJvm();
        }
    }

    static final int CPUS = Runtime.getRuntime().availableProcessors();

    /** Pins every thread of this JVM, and so every thread it starts later, to its last CPU. */
    private static String pinWholeJvmToOneCpu() {
        int cpu = CPUS - 1;
        return taskset(String.valueOf(cpu)) ? "whole JVM pinned to cpu " + cpu + " of " + CPUS
                : "NOT pinned (taskset failed): expect rounds to vary with thread placement";
    }

    private static void unpinWholeJvm() {
        taskset("0-" + (CPUS - 1));
    }

    private static boolean taskset(String cpus) {
        try {
            Process p = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus,
                    String.valueOf(ProcessHandle.current().pid())).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static double quantile(List<Double> xs, double q) {
        List<Double> sorted = xs.stream().sorted().toList();
        double pos = q * (sorted.size() - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted.get(lo) + (sorted.get(hi) - sorted.get(lo)) * (pos - lo);
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
    private static double driverLoop(int port, long millis, int[] requestsPerCycle, boolean keepLatest)
            throws Exception {
        List<String> points = new ArrayList<>();
        for (int u = 1; u <= UNITS; u++) {
            for (int p = 0; p < REGISTERS / 2; p++) {
                points.add("name=u" + u + "_p" + p + ";unit_id=" + u + ";table=holding;address=" + (2 * p)
                        + ";data_type=float32");
            }
        }
        CountingStore store = new CountingStore(keepLatest);
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
            double registersPerSecond = items * 1e9 / (System.nanoTime() - start);
            double cpuPerRequest = (MX.getThreadCpuTime(poller.getId()) - cpu0) / (items / (double) REGISTERS);
            (keepLatest ? DRIVER_CPU_NANOS_PER_REQUEST : DISCARDING_CPU_NANOS_PER_REQUEST).add(cpuPerRequest);
            if (keepLatest) {
                // the driver really decoded: unit 20's last point holds registers 98, 99 = 20098, 20099 as float32
                SeriesKey lastPoint = new SeriesKey("bench", "u" + UNITS + "_p" + (REGISTERS / 2 - 1), Map.of());
                assertEquals(Float.intBitsToFloat((UNITS * 1000 + 98) << 16 | (UNITS * 1000 + 99)),
                        store.latest.get(lastPoint).value());
            }
            return registersPerSecond;
        } finally {
            driver.deactivate();
        }
    }

    /**
     * Keeps the latest reading per series, as the real store does; or, for the breakdown only, just counts the
     * readings.
     */
    static final class CountingStore implements ReadingStore {
        final Map<SeriesKey, Reading> latest = new ConcurrentHashMap<>();
        final boolean keepLatest;
        volatile long discarded;

        CountingStore(boolean keepLatest) {
            this.keepLatest = keepLatest;
        }

        @Override
        public void publish(List<Reading> readings) {
            if (!keepLatest) {
                discarded += readings.size(); // only the poll thread publishes
                return;
            }
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
