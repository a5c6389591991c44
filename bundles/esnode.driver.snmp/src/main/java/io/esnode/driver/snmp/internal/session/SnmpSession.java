package io.esnode.driver.snmp.internal.session;

import io.esnode.api.DriverState;
import io.esnode.api.ErrorKind;
import io.esnode.api.Reading;
import io.esnode.api.ReadingStore;
import io.esnode.api.SeriesKey;
import io.esnode.api.util.NamedThreads;
import io.esnode.api.util.RateLimitedLog;
import io.esnode.api.util.StatusTracker;
import io.esnode.driver.snmp.internal.transport.AgentConnection;
import io.esnode.driver.snmp.internal.transport.SnmpRequestException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;

/**
 * Polls one agent on its own thread every poll interval (a slow poll delays the next one, polls never overlap):
 * scalars by batched GET, table columns by GETBULK walk. The SNMP socket is opened by the first poll and kept;
 * after a failure the next poll simply tries again. Series that vanished from the agent are removed from the store
 * (missing is not 0).
 */
public final class SnmpSession {
    /** Error kind counted for each point the agent has no value for. */
    public static final String MISSING = "missing";
    private static final Logger LOG = LoggerFactory.getLogger(SnmpSession.class);
    static final long SHUTDOWN_WAIT_MILLIS = 3000;

    private final SessionSettings settings;
    private final ReadingStore store;
    private final StatusTracker status;
    private final RateLimitedLog rateLimit;
    private final ReadingMapper mapper;
    private final List<OID> scalarOids;
    private final List<OID> columnOids;
    private final ScheduledExecutorService executor;
    private final Object lock = new Object();
    private ScheduledFuture<?> schedule; // guarded by lock
    private volatile AgentConnection connection; // opened on the poll thread, closed by stop() after it ended
    private Set<SeriesKey> published = new HashSet<>();
    private volatile boolean stopped;

    public SnmpSession(SessionSettings settings, ReadingStore store, StatusTracker status, RateLimitedLog rateLimit) {
        this.settings = settings;
        this.store = store;
        this.status = status;
        this.rateLimit = rateLimit;
        this.mapper = new ReadingMapper(settings.driverId());
        Set<OID> scalars = new LinkedHashSet<>();
        Set<OID> columns = new LinkedHashSet<>();
        for (SnmpPoint p : settings.points()) {
            if (p.table()) {
                columns.add(p.oid());
                columns.addAll(p.labelColumns().values());
            } else {
                scalars.add(p.oid());
            }
        }
        this.scalarOids = List.copyOf(scalars);
        this.columnOids = List.copyOf(columns);
        this.executor = NamedThreads.scheduler(settings.threadPrefix(), 1);
    }

    /** Schedules the polls; the first runs at once on the session thread. Returns immediately. */
    public void start() {
        status.state(DriverState.STARTING);
        synchronized (lock) {
            if (!stopped) {
                schedule = executor.scheduleAtFixedRate(this::pollSafely, 0, settings.pollMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            // an exception would cancel the periodic task
            status.state(DriverState.DISCONNECTED);
            status.error(ErrorKind.EXCEPTION, "unexpected " + e.getClass().getSimpleName() + " while polling");
            if (rateLimit.allow("exception") >= 0) {
                LOG.error("SNMP driver {}: unexpected failure while polling", settings.driverId(), e);
            }
        }
    }

    /** One poll, on the calling thread; returns null when the agent could not be read. */
    PollResult poll() {
        if (stopped) {
            return null;
        }
        long start = System.nanoTime();
        try {
            if (connection == null) {
                connection = AgentConnection.open(settings.agent());
            }
            Map<OID, Variable> scalars = ScalarReader.read(connection, scalarOids, settings.maxOidsPerGet());
            Map<OID, TreeMap<OID, Variable>> columns = TableWalker.walk(connection, columnOids,
                    settings.maxRepetitions(), settings.maxOidsPerGet(), settings.maxRows());
            PollResult result = mapper.map(settings.points(), scalars, columns, System.currentTimeMillis());
            if (stopped) {
                return result;
            }
            publish(result.readings());
            report(result);
            status.latencyNanos(System.nanoTime() - start); // last: a finished poll is fully accounted for
            return result;
        } catch (SnmpRequestException e) {
            if (stopped) {
                return null;
            }
            status.state(DriverState.DISCONNECTED);
            status.error(e.kind(), e.getMessage());
            long suppressed = rateLimit.allow("poll-" + e.kind());
            if (suppressed >= 0) {
                LOG.warn("SNMP driver {}: poll of {} failed [{}]: {} ({} similar suppressed)", settings.driverId(),
                        settings.agent().address(), e.kind(), e.getMessage(), suppressed);
            }
            return null;
        }
    }

    private void publish(List<Reading> readings) {
        Set<SeriesKey> now = new HashSet<>();
        readings.forEach(r -> now.add(r.key()));
        for (SeriesKey gone : published) {
            if (!now.contains(gone)) {
                store.remove(gone);
            }
        }
        published = now;
        if (!readings.isEmpty()) {
            store.publish(readings);
        }
        status.success(readings.size());
    }

    private void report(PollResult result) {
        for (String m : result.missing()) {
            status.error(MISSING, "agent has no value for " + m);
            if (rateLimit.allow("missing-" + m) >= 0) {
                LOG.warn("SNMP driver {}: agent {} has no value for point {}", settings.driverId(),
                        settings.agent().address(), m);
            }
        }
        for (String d : result.decodeErrors()) {
            status.error(ErrorKind.DECODE, d);
            long suppressed = rateLimit.allow("decode");
            if (suppressed >= 0) {
                LOG.warn("SNMP driver {}: cannot decode {} ({} similar suppressed)", settings.driverId(), d, suppressed);
            }
        }
        DriverState before = status.state();
        DriverState after = result.missing().isEmpty() && result.decodeErrors().isEmpty() ? DriverState.CONNECTED
                : DriverState.DEGRADED;
        status.state(after);
        if (before != after && (before == DriverState.STARTING || before == DriverState.DISCONNECTED)) {
            LOG.info("SNMP driver {}: polling {} ({} readings{})", settings.driverId(), settings.agent().address(),
                    result.readings().size(), after == DriverState.DEGRADED
                            ? ", " + (result.missing().size() + result.decodeErrors().size()) + " points without value" : "");
        }
    }

    /** Cancels the polls, waits for a running one, then closes the SNMP socket (ending SNMP4J's threads). */
    public void stop() {
        synchronized (lock) {
            stopped = true;
            if (schedule != null) {
                schedule.cancel(false);
            }
        }
        boolean done = NamedThreads.shutdown(executor, SHUTDOWN_WAIT_MILLIS);
        if (connection != null) {
            connection.close();
            connection = null;
        }
        if (!done) {
            LOG.warn("SNMP driver {}: poll thread did not end within {} ms", settings.driverId(), SHUTDOWN_WAIT_MILLIS);
        }
        status.state(DriverState.STOPPED);
    }
}
