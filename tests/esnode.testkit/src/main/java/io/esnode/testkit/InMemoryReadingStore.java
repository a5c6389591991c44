package io.esnode.testkit;

import io.esnode.api.Reading;
import io.esnode.api.ReadingStore;
import io.esnode.api.SeriesKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** The latest reading per series, plus what was removed; enough to observe a driver (the store is not under test). */
public final class InMemoryReadingStore implements ReadingStore {
    private final Map<SeriesKey, Reading> latest = new ConcurrentHashMap<>();
    private final AtomicLong published = new AtomicLong();
    public final List<String> removedDrivers = new CopyOnWriteArrayList<>();

    @Override
    public void publish(List<Reading> readings) {
        for (Reading r : readings) {
            latest.put(r.key(), r);
        }
        published.addAndGet(readings.size());
    }

    @Override
    public void removeDriver(String driverId) {
        removedDrivers.add(driverId);
        latest.keySet().removeIf(k -> k.driverId().equals(driverId));
    }

    @Override
    public void remove(SeriesKey key) {
        latest.remove(key);
    }

    @Override
    public List<Reading> fresh(long nowMillis) {
        List<Reading> out = new ArrayList<>();
        for (Reading r : latest.values()) {
            if (r.quality().isGood() && nowMillis - r.timestampMillis() < ttlMillis(r)) {
                out.add(r);
            }
        }
        return out;
    }

    @Override
    public List<Reading> all() {
        return new ArrayList<>(latest.values());
    }

    @Override
    public long ttlMillis(Reading reading) {
        return reading.point().ttl() == null ? 60_000 : reading.point().ttl().toMillis();
    }

    public long publishedCount() {
        return published.get();
    }

    public Reading get(String driverId, String point, Map<String, String> labels) {
        return latest.get(new SeriesKey(driverId, point, labels));
    }

    /** Waits until the series holds {@code value} (to 1e-9, for binary rounding); returns the reading or fails. */
    public Reading awaitValue(String driverId, String point, Map<String, String> labels, double value,
                              long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        Reading r = null;
        while (System.currentTimeMillis() < deadline) {
            r = get(driverId, point, labels);
            if (r != null && Math.abs(r.value() - value) <= 1e-9) {
                return r;
            }
            Await.sleep(10);
        }
        throw new AssertionError("series " + driverId + "/" + point + labels + " did not reach " + value
                + " within " + timeoutMillis + " ms; last: " + r + "; all: " + latest.keySet());
    }
}
