package io.esnode.driver.modbus.internal.session;

import io.esnode.api.DriverState;
import io.esnode.api.ErrorKind;
import io.esnode.api.Reading;
import io.esnode.api.ReadingStore;
import io.esnode.api.SeriesKey;
import io.esnode.api.util.Backoff;
import io.esnode.api.util.NamedThreads;
import io.esnode.api.util.RateLimitedLog;
import io.esnode.api.util.StatusTracker;
import io.esnode.driver.modbus.internal.codec.ModbusConnectException;
import io.esnode.driver.modbus.internal.codec.ModbusException;
import io.esnode.driver.modbus.internal.codec.ModbusTimeoutException;
import io.esnode.driver.modbus.internal.codec.PointMapping;
import io.esnode.driver.modbus.internal.codec.ReadRequest;
import io.esnode.driver.modbus.internal.transport.ModbusTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls every unit of one connection on one named thread. Units are polled in the order they fall due; each
 * request waits at most the per-request timeout (times 1 + retries). When a unit times out, the rest of its
 * requests in that cycle are skipped and marked bad, so a silent unit costs one timeout per cycle and never holds
 * back the other units. A Modbus exception marks only the points of its request bad. A broken connection marks
 * every point bad and is reopened with exponential backoff.
 */
public final class PollSession {
    private static final Logger LOG = LoggerFactory.getLogger(PollSession.class);
    static final long SHUTDOWN_WAIT_MILLIS = 3000;

    private final SessionSettings settings;
    private final ModbusTransport transport;
    private final ReadingStore store;
    private final StatusTracker status;
    private final RateLimitedLog rateLimit;
    private final ResponseMapper mapper;
    private final Backoff backoff;
    private final ExecutorService executor;
    private final Object sleeper = new Object();
    private final boolean[] unitHealthy;
    private final int[] pointsPerDevice;
    private final Consumer<SeriesKey> removeSeries;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong itemsRead = new AtomicLong();
    private final AtomicLong cycles = new AtomicLong();
    private volatile boolean stopped;
    private boolean outageReported;
    private long lastExchangeEndNanos = System.nanoTime();

    public PollSession(SessionSettings settings, ModbusTransport transport, ReadingStore store, StatusTracker status,
                       RateLimitedLog rateLimit) {
        this.settings = settings;
        this.transport = transport;
        this.store = store;
        this.status = status;
        this.rateLimit = rateLimit;
        this.mapper = new ResponseMapper(settings.driverId());
        this.backoff = new Backoff(settings.reconnectMinMillis(), settings.reconnectMaxMillis(),
                () -> ThreadLocalRandom.current().nextDouble());
        this.executor = Executors.newSingleThreadExecutor(new NamedThreads(settings.threadPrefix()));
        this.unitHealthy = new boolean[settings.devices().size()];
        this.pointsPerDevice = new int[settings.devices().size()];
        for (int i = 0; i < pointsPerDevice.length; i++) {
            for (ReadRequest r : settings.devices().get(i).requests()) {
                pointsPerDevice[i] += r.points().size();
            }
        }
        this.removeSeries = store::remove;
    }

    /** Starts polling in the background; returns at once. */
    public void start() {
        status.state(DriverState.STARTING);
        executor.execute(this::run);
    }

    private void run() {
        List<DevicePlan> devices = settings.devices();
        long[] due = new long[devices.size()];
        long now = System.nanoTime();
        java.util.Arrays.fill(due, now);
        while (!stopped) {
            if (!transport.isOpen() && !connect()) {
                continue;
            }
            int next = 0;
            for (int i = 1; i < due.length; i++) {
                if (due[i] - due[next] < 0) {
                    next = i;
                }
            }
            long waitNanos = due[next] - System.nanoTime();
            if (waitNanos >= 1_000_000L) {
                sleep(waitNanos / 1_000_000L);
                continue;
            }
            if (waitNanos > 0) {
                LockSupport.parkNanos(waitNanos); // sub-millisecond intervals (benchmarks); stop is seen next turn
                continue;
            }
            poll(next, devices.get(next));
            long interval = devices.get(next).pollIntervalNanos();
            now = System.nanoTime();
            due[next] = due[next] + interval - now < 0 ? now : due[next] + interval;
        }
    }

    private boolean connect() {
        try {
            transport.open();
            backoff.reset();
            outageReported = false;
            status.state(DriverState.CONNECTED);
            LOG.info("Modbus driver {}: connected to {}", settings.driverId(), transport.target());
            return true;
        } catch (ModbusConnectException e) {
            if (stopped) {
                return false;
            }
            connectionLost(e);
            long delay = backoff.nextDelayMillis();
            long suppressed = rateLimit.allow("connect");
            if (suppressed >= 0) {
                LOG.warn("Modbus driver {}: {}; retrying in {} ms ({} similar suppressed)", settings.driverId(),
                        e.getMessage(), delay, suppressed);
            }
            sleep(delay);
            return false;
        }
    }

    /** Counts the failure and, once per outage, marks every point bad so that none stays exported as fresh. */
    private void connectionLost(ModbusConnectException e) {
        status.state(DriverState.DISCONNECTED);
        status.error(ErrorKind.CONNECT, e.getMessage());
        if (!outageReported) {
            outageReported = true;
            List<Reading> bad = new ArrayList<>();
            long now = System.currentTimeMillis();
            for (DevicePlan d : settings.devices()) {
                for (ReadRequest r : d.requests()) {
                    mapper.bad(r, "not connected", now, bad);
                }
            }
            store.publish(bad);
        }
    }

    private void poll(int index, DevicePlan device) {
        long startNanos = System.nanoTime();
        List<Reading> out = new ArrayList<>(pointsPerDevice[index]);
        List<ReadRequest> requests = device.requests();
        boolean healthy = true;
        for (int r = 0; r < requests.size() && !stopped; r++) {
            ReadRequest request = requests.get(r);
            keepPause();
            long now = System.currentTimeMillis();
            try {
                byte[] pdu = exchange(request);
                int before = out.size();
                mapper.map(request, pdu, now, out, e -> failed(request, e), removeSeries);
                itemsRead.addAndGet(request.count());
                for (int k = before; k < out.size(); k++) {
                    healthy &= out.get(k).quality().isGood();
                }
            } catch (ModbusTimeoutException e) {
                failed(request, e);
                healthy = false;
                mapper.bad(request, "timeout", now, out);
                for (int k = r + 1; k < requests.size(); k++) {
                    mapper.bad(requests.get(k), "unit " + device.unitId() + " did not answer", now, out);
                }
                break;
            } catch (ModbusConnectException e) {
                publish(out, startNanos);
                if (!stopped) {
                    connectionLost(e);
                    LOG.warn("Modbus driver {}: {}", settings.driverId(), e.getMessage());
                }
                return;
            } catch (ModbusException e) {
                failed(request, e);
                healthy = false;
                mapper.bad(request, e.kind() + ": " + e.getMessage(), now, out);
            }
        }
        publish(out, startNanos);
        cycles.incrementAndGet();
        unitHealthy[index] = healthy;
        boolean all = true;
        for (boolean h : unitHealthy) {
            all &= h;
        }
        if (!stopped) {
            status.state(all ? DriverState.CONNECTED : DriverState.DEGRADED);
        }
    }

    /** Waits until {@code pause} has passed since the previous request on this connection ended. */
    private void keepPause() {
        if (settings.pauseMillis() <= 0) {
            return;
        }
        long waitMillis = (lastExchangeEndNanos + settings.pauseMillis() * 1_000_000L - System.nanoTime()) / 1_000_000L;
        if (waitMillis > 0) {
            sleep(waitMillis);
        }
    }

    /** One request with retries after a timeout or a bad frame; a Modbus exception is an answer, not retried. */
    private byte[] exchange(ReadRequest request) throws ModbusException {
        try {
            return attempts(request);
        } finally {
            lastExchangeEndNanos = System.nanoTime();
        }
    }

    private byte[] attempts(ReadRequest request) throws ModbusException {
        byte[] pdu = request.pdu();
        for (int attempt = 0; ; attempt++) {
            try {
                requests.incrementAndGet();
                if (!transport.isOpen()) {
                    transport.open(); // the previous attempt found the stream out of step and closed it
                }
                return transport.exchange(request.unitId(), pdu, settings.timeoutMillis());
            } catch (ModbusConnectException e) {
                throw e;
            } catch (ModbusException e) {
                if (attempt >= settings.retries() || !e.kind().equals(ErrorKind.TIMEOUT)
                        && !e.kind().equals(ErrorKind.PROTOCOL) || stopped) {
                    throw e;
                }
            }
        }
    }

    private void failed(ReadRequest request, ModbusException e) {
        String message = request + ": " + e.getMessage();
        status.error(e.kind(), message);
        long suppressed = rateLimit.allow(e.kind() + "/" + request);
        if (suppressed >= 0) {
            LOG.warn("Modbus driver {}: {} [{}] ({} similar suppressed)", settings.driverId(), message, e.kind(),
                    suppressed);
        }
    }

    private void publish(List<Reading> readings, long startNanos) {
        if (readings.isEmpty()) {
            return;
        }
        try {
            store.publish(readings);
        } catch (RuntimeException e) {
            status.error(ErrorKind.EXCEPTION, "publishing readings failed: " + e.getClass().getSimpleName());
            if (rateLimit.allow("publish") >= 0) {
                LOG.error("Modbus driver {}: publishing readings failed", settings.driverId(), e);
            }
            return;
        }
        int good = 0;
        for (Reading r : readings) {
            good += r.quality().isGood() ? 1 : 0;
        }
        if (good > 0) {
            status.success(good);
        }
        status.latencyNanos(System.nanoTime() - startNanos);
    }

    private void sleep(long millis) {
        synchronized (sleeper) {
            if (stopped) {
                return;
            }
            try {
                sleeper.wait(Math.max(1, millis));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
            }
        }
    }

    /** Reads one cycle over every unit needs (the plan, without retries). */
    public int requestsPerCycle() {
        return settings.requestsPerCycle();
    }

    /** Requests sent (attempts included) since start. */
    public long requests() {
        return requests.get();
    }

    /** Registers or bits received in good responses since start. */
    public long itemsRead() {
        return itemsRead.get();
    }

    /** Completed unit polls since start. */
    public long cycles() {
        return cycles.get();
    }

    /** Stops polling, closes the connection (unblocking a running read) and ends the thread (bounded wait). */
    public void stop() {
        synchronized (sleeper) {
            stopped = true;
            sleeper.notifyAll();
        }
        transport.close();
        boolean done = NamedThreads.shutdown(executor, SHUTDOWN_WAIT_MILLIS);
        transport.close(); // again: a reconnect that was running may have opened it meanwhile
        if (!done) {
            LOG.warn("Modbus driver {}: poll thread did not end within {} ms", settings.driverId(),
                    SHUTDOWN_WAIT_MILLIS);
        }
        status.state(DriverState.STOPPED);
    }

    /** Points of every device, for the driver's {@code points()}. */
    public static List<PointMapping> points(SessionSettings s) {
        List<PointMapping> out = new ArrayList<>();
        s.devices().forEach(d -> d.requests().forEach(r -> out.addAll(r.points())));
        return out;
    }
}
