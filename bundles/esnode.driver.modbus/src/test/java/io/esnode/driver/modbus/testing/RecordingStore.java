package io.esnode.driver.modbus.testing;

import io.esnode.api.Reading;
import io.esnode.api.ReadingStore;
import io.esnode.api.SeriesKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** The latest reading per series and how often each point was published; enough to observe a driver. */
public final class RecordingStore implements ReadingStore {
    private final Map<SeriesKey, Reading> latest = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> goodByPoint = new ConcurrentHashMap<>();
    public final List<String> removedDrivers = new CopyOnWriteArrayList<>();
    public final List<SeriesKey> removedSeries = new CopyOnWriteArrayList<>();

    @Override
    public void publish(List<Reading> readings) {
        for (Reading r : readings) {
            latest.put(r.key(), r);
            if (r.quality().isGood()) {
                goodByPoint.computeIfAbsent(r.point().name(), k -> new AtomicLong()).incrementAndGet();
            }
        }
    }

    @Override
    public void removeDriver(String driverId) {
        removedDrivers.add(driverId);
        latest.keySet().removeIf(k -> k.driverId().equals(driverId));
    }

    @Override
    public void remove(SeriesKey key) {
        removedSeries.add(key);
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

    public long goodCount(String point) {
        AtomicLong n = goodByPoint.get(point);
        return n == null ? 0 : n.get();
    }

    public Reading get(String driverId, String point) {
        return get(driverId, point, Map.of());
    }

    public Reading get(String driverId, String point, Map<String, String> labels) {
        return latest.get(new SeriesKey(driverId, point, labels));
    }

    /** Waits until the series has a good reading; returns it or fails. */
    public Reading awaitGood(String driverId, String point, Map<String, String> labels, long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        Reading r = null;
        while (System.currentTimeMillis() < deadline) {
            r = get(driverId, point, labels);
            if (r != null && r.quality().isGood()) {
                return r;
            }
            Await.sleep(10);
        }
        throw new AssertionError("series " + driverId + "/" + point + labels + " had no good reading within "
                + timeoutMillis + " ms; last: " + r + "; all: " + latest.keySet());
    }

    public Reading awaitGood(String driverId, String point, long timeoutMillis) {
        return awaitGood(driverId, point, Map.of(), timeoutMillis);
    }

    /** Waits until the series has a bad reading; returns it or fails. */
    public Reading awaitBad(String driverId, String point, long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        Reading r = null;
        while (System.currentTimeMillis() < deadline) {
            r = get(driverId, point);
            if (r != null && !r.quality().isGood()) {
                return r;
            }
            Await.sleep(10);
        }
        throw new AssertionError("series " + driverId + "/" + point + " had no bad reading within " + timeoutMillis
                + " ms; last: " + r);
    }
}
