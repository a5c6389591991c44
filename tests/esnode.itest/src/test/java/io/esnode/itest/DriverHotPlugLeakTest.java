package io.esnode.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.esnode.api.Driver;
import io.esnode.api.DriverState;
import io.esnode.api.Reading;
import io.esnode.api.ReadingListener;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Hot-plug without leaks: the MQTT driver bundle is updated 50 times while a real Mosquitto feeds two drivers.
 * Driver A lives in that bundle; driver B lives in a second copy of the bundle (installed beside it, its
 * configuration bound to the copy's location), so it is a driver of another bundle and must miss no message.
 * After the cycles: the thread count is back to its baseline ±2, every old revision's class loader has been
 * collected, the heap after GC has not grown, and A's series is back.
 */
class DriverHotPlugLeakTest {
    private static final int CYCLES = 50;
    private static final String A = "leakA";
    private static final String B = "leakB";
    private static BundleContext context;
    private static Mosquitto broker;
    private static ConfigurationAdmin cm;
    private static Bundle copy;
    private static final List<Configuration> configs = new ArrayList<>();
    private static final AtomicInteger readingsOfA = new AtomicInteger();
    private static long slowestReturnMillis;

    @BeforeAll
    static void start() throws Exception {
        context = FrameworkUtil.getBundle(DriverHotPlugLeakTest.class).getBundleContext();
        assumeTrue(ItestSupport.bundle(context, "esnode.console") != null, "runs in console.bndrun");
        assumeTrue(Files.isExecutable(Path.of(Mosquitto.BINARY)), "Debian mosquitto is not installed");
        broker = Mosquitto.start();
        cm = ItestSupport.service(context, ConfigurationAdmin.class);
    }

    @AfterAll
    static void stop() throws Exception {
        for (Configuration c : configs) {
            c.delete();
        }
        if (copy != null) {
            copy.uninstall();
            context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(null);
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void fiftyUpdatesUnderLoadLeakNothingAndTheOtherDriverMissesNoMessage() throws Exception {
        Bundle driverBundle = ItestSupport.bundle(context, "esnode.driver.mqtt");
        assertNotNull(driverBundle);
        try (InputStream jar = open(driverBundle.getLocation())) {
            copy = context.installBundle("esnode-itest-copy:" + driverBundle.getLocation(), jar);
        }
        copy.start();
        configs.add(driver(A, driverBundle.getLocation(), "leak/a"));
        configs.add(driver(B, copy.getLocation(), "leak/b"));
        ItestSupport.awaitConnected(context, A);
        ItestSupport.awaitConnected(context, B);

        Set<Integer> seenByB = new ConcurrentSkipListSet<>();
        ServiceRegistration<ReadingListener> listener = context.registerService(ReadingListener.class, readings -> {
            for (Reading r : readings) {
                if (B.equals(r.driverId())) {
                    seenByB.add((int) r.value());
                } else if (A.equals(r.driverId())) {
                    readingsOfA.incrementAndGet();
                }
            }
        }, null);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger sentToB = new AtomicInteger();
        LinePublisher toA = new LinePublisher(broker.port, "leak/a");
        LinePublisher toB = new LinePublisher(broker.port, "leak/b");
        Thread load = new Thread(() -> {
            try {
                while (running.get()) {
                    int n = sentToB.incrementAndGet();
                    toB.publish("{\"v\": " + n + "}");
                    toA.publish("{\"v\": " + n + "}");
                    Thread.sleep(5);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "itest-load");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<WeakReference<ClassLoader>> oldLoaders = new ArrayList<>();
        long baselineThreads;
        long baselineHeap;
        long endHeap;
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        try {
            load.start();
            // warm-up cycle: lazily created shared threads (e.g. a pool of another bundle) are not the driver's
            cycle(driverBundle, null);
            baselineThreads = settledThreadCount(threads, -1);
            baselineHeap = usedHeapAfterGc();
            for (int i = 0; i < CYCLES; i++) {
                cycle(driverBundle, oldLoaders);
            }
        } finally {
            running.set(false);
            load.join(10_000);
            toA.close();
            toB.close();
        }
        int lastSent = sentToB.get();
        long deadline = System.currentTimeMillis() + 10_000;
        while (seenByB.size() < lastSent && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        listener.unregister();

        long endThreads = settledThreadCount(threads, baselineThreads);
        int collected = collectedCount(oldLoaders);
        endHeap = usedHeapAfterGc();
        String numbers = "messages to B " + lastSent + ", received by B " + seenByB.size() + ", readings of A "
                + readingsOfA.get() + "; threads baseline " + baselineThreads + ", end " + endThreads
                + "; old class loaders collected " + collected + "/" + oldLoaders.size() + "; heap after GC baseline "
                + baselineHeap / 1024 + " KiB, end " + endHeap / 1024 + " KiB; removal pending "
                + wiring.getRemovalPendingBundles().size() + "; slowest return of A's series after an update "
                + slowestReturnMillis + " ms";
        System.out.println("hot-plug numbers: " + numbers);

        assertEquals(CYCLES, oldLoaders.size());
        // B is in another bundle: every message 1..lastSent arrived although A's bundle was updated 50 times
        assertEquals(lastSent, seenByB.size(), numbers);
        assertEquals(1, seenByB.stream().mapToInt(Integer::intValue).min().orElse(-1), numbers);
        assertEquals(lastSent, seenByB.stream().mapToInt(Integer::intValue).max().orElse(-1), numbers);
        assertTrue(Math.abs(endThreads - baselineThreads) <= 2, numbers);
        assertEquals(CYCLES, collected, numbers);
        assertEquals(0, wiring.getRemovalPendingBundles().size(), numbers);
        // 50 revisions of a ~1 MB bundle that stayed reachable would add tens of MB; allow 8 MB of noise
        assertTrue(endHeap - baselineHeap < 8L * 1024 * 1024, numbers);
        assertTrue(lastSent > CYCLES, "the load ran during the updates: " + numbers);
        assertEquals(DriverState.CONNECTED, ItestSupport.driverState(context, A));
        // messages to A arrive every ~5 ms: after each update its series was back within 2 s (MQTT has no poll
        // interval; 2 s is far below its 60 s TTL)
        assertTrue(slowestReturnMillis < 2_000, numbers);
    }

    /** One bundle update: remembers the old revision's class loader, waits for driver A to be connected again. */
    private static void cycle(Bundle bundle, List<WeakReference<ClassLoader>> oldLoaders) throws Exception {
        ClassLoader old = bundle.adapt(BundleWiring.class).getClassLoader();
        long oldService = ItestSupport.driverServiceId(context, A);
        bundle.update();
        if (oldLoaders != null) {
            oldLoaders.add(new WeakReference<>(old));
        }
        old = null;
        long updated = System.currentTimeMillis();
        long deadline = updated + 15_000;
        while (System.currentTimeMillis() < deadline) {
            long now = ItestSupport.driverServiceId(context, A);
            if (now != oldService && now != -1 && ItestSupport.driverState(context, A) == DriverState.CONNECTED) {
                break;
            }
            Thread.sleep(20);
        }
        int before = readingsOfA.get();
        while (readingsOfA.get() == before && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        if (readingsOfA.get() == before) {
            throw new AssertionError("driver " + A + " did not come back after an update");
        }
        if (oldLoaders != null) {
            slowestReturnMillis = Math.max(slowestReturnMillis, System.currentTimeMillis() - updated);
        }
    }

    private static Configuration driver(String id, String location, String topic) throws Exception {
        Configuration c = cm.getFactoryConfiguration("esnode.driver.mqtt", id, location);
        c.update(ItestSupport.props("id", id, "broker_url", "tcp://127.0.0.1:" + broker.port, "qos", 1,
                "points", new String[] {"name=v;topic=" + topic + ";path=$.v;quantity=value"}));
        return c;
    }





    /** Thread count once it has been stable for a second (or is within ±2 of {@code target}), at most 10 s. */
    private static long settledThreadCount(ThreadMXBean threads, long target) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        int last = threads.getThreadCount();
        long stableSince = System.currentTimeMillis();
        while (System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            int now = threads.getThreadCount();
            if (target >= 0 && Math.abs(now - target) <= 2) {
                return now;
            }
            if (now != last) {
                last = now;
                stableSince = System.currentTimeMillis();
            } else if (target < 0 && System.currentTimeMillis() - stableSince >= 1000) {
                return now;
            }
        }
        return last;
    }

    private static int collectedCount(List<WeakReference<ClassLoader>> refs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        int cleared = 0;
        while (System.currentTimeMillis() < deadline) {
            System.gc();
            Thread.sleep(100);
            cleared = (int) refs.stream().filter(r -> r.get() == null).count();
            if (cleared == refs.size()) {
                break;
            }
        }
        return cleared;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            best = Math.min(best, rt.totalMemory() - rt.freeMemory());
        }
        return best;
    }

    private static InputStream open(String location) throws Exception {
        String l = location.startsWith("reference:") ? location.substring("reference:".length()) : location;
        if (l.contains(":/") && !l.startsWith("/")) {
            return new URL(l).openStream();
        }
        return Files.newInputStream(Path.of(l));
    }
}
