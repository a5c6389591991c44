package io.esnode.core;

import io.esnode.api.Reading;
import io.esnode.api.ReadingListener;
import io.esnode.api.ReadingStore;
import io.esnode.api.SeriesKey;
import io.esnode.api.util.RateLimitedLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's one {@link ReadingStore}: the latest reading of every series (the last one published wins, so a
 * device whose clock jumps back is not frozen out), and a whiteboard of {@link ReadingListener}s told about every
 * batch after it is stored.
 */
@Component(service = ReadingStore.class, immediate = true)
public final class LatestReadingStore implements ReadingStore {
    /** Time to live of a reading whose point sets none (the push-protocol default of the architecture). */
    public static final long DEFAULT_TTL_MILLIS = 60_000L;

    private static final Logger LOG = LoggerFactory.getLogger(LatestReadingStore.class);

    private final Map<SeriesKey, Reading> latest = new ConcurrentHashMap<>();
    private final List<ReadingListener> listeners = new CopyOnWriteArrayList<>();
    private final RateLimitedLog faults = new RateLimitedLog(60_000L);

    @Activate
    void activate() {
        LOG.info("reading store active: default ttl {} ms for points without one", DEFAULT_TTL_MILLIS);
    }

    @Deactivate
    void deactivate() {
        latest.clear();
        listeners.clear();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addListener(ReadingListener listener) {
        listeners.add(listener);
    }

    void removeListener(ReadingListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void publish(List<Reading> readings) {
        if (readings == null || readings.isEmpty()) {
            return;
        }
        List<Reading> stored = new ArrayList<>(readings.size());
        for (Reading r : readings) {
            if (r == null) {
                long suppressed = faults.allow("null-reading");
                if (suppressed >= 0) {
                    LOG.warn("a driver published a null reading; ignored ({} similar suppressed)", suppressed);
                }
                continue;
            }
            latest.put(r.key(), r);
            stored.add(r);
        }
        if (!stored.isEmpty()) {
            tellListeners(List.copyOf(stored));
        }
    }

    private void tellListeners(List<Reading> batch) {
        for (ReadingListener listener : listeners) {
            try {
                listener.onReadings(batch);
            } catch (RuntimeException | LinkageError e) {
                String name = listener.getClass().getName();
                long suppressed = faults.allow("listener:" + name);
                if (suppressed >= 0) {
                    LOG.warn("reading listener {} failed: {} ({} similar suppressed)", name, e.toString(), suppressed);
                }
            }
        }
    }

    @Override
    public void removeDriver(String driverId) {
        latest.keySet().removeIf(k -> k.driverId().equals(driverId));
    }

    @Override
    public void remove(SeriesKey key) {
        latest.remove(key);
    }

    @Override
    public List<Reading> fresh(long nowMillis) {
        List<Reading> result = new ArrayList<>(latest.size());
        for (Reading r : latest.values()) {
            if (r.quality().isGood() && nowMillis - r.timestampMillis() <= ttlMillis(r)) {
                result.add(r);
            }
        }
        return result;
    }

    @Override
    public List<Reading> all() {
        return new ArrayList<>(latest.values());
    }

    @Override
    public long ttlMillis(Reading reading) {
        Duration ttl = reading.point().ttl();
        return ttl == null ? DEFAULT_TTL_MILLIS : ttl.toMillis();
    }
}
