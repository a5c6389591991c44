package io.esnode.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.esnode.api.Point;
import io.esnode.api.Quantity;
import io.esnode.api.Reading;
import io.esnode.api.ReadingListener;
import io.esnode.api.SeriesKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LatestReadingStoreTest {
    private static final long T0 = 1_700_000_000_000L;
    private final Point temp = Point.gauge("inlet", Quantity.TEMPERATURE, "C");
    private final Point power10s = Point.gauge("ups", Quantity.POWER, "W").withTtl(Duration.ofSeconds(10));
    private final LatestReadingStore store = new LatestReadingStore();

    private static List<String> describe(List<Reading> readings) {
        return readings.stream()
                .sorted(Comparator.comparing((Reading r) -> r.driverId()).thenComparing(r -> r.point().name())
                        .thenComparing(r -> r.labels().toString()))
                .map(r -> r.driverId() + "/" + r.point().name() + r.labels() + "=" + r.value())
                .collect(Collectors.toList());
    }

    @Test
    void laterReadingReplacesEarlierOfSameSeries() {
        store.publish(Reading.of("d1", temp, Map.of(), 20.0, T0));
        store.publish(Reading.of("d1", temp, Map.of(), 21.5, T0 + 1_000));
        assertEquals(List.of("d1/inlet{}=21.5"), describe(store.all()));
    }

    @Test
    void runTimeLabelsMakeSeparateSeries() {
        store.publish(List.of(Reading.of("d1", temp, Map.of("rack", "r1"), 20.0, T0),
                Reading.of("d1", temp, Map.of("rack", "r2"), 22.0, T0)));
        assertEquals(List.of("d1/inlet{rack=r1}=20.0", "d1/inlet{rack=r2}=22.0"), describe(store.fresh(T0)));
    }

    @Test
    void defaultTtlIsSixtySecondsInclusive() {
        store.publish(Reading.of("d1", temp, Map.of(), 20.0, T0));
        // age 60 000 ms == ttl 60 000 ms: still fresh; age 60 001 ms: gone
        assertEquals(1, store.fresh(T0 + 60_000).size());
        assertEquals(0, store.fresh(T0 + 60_001).size());
        assertEquals(60_000L, store.ttlMillis(store.all().get(0)));
    }

    @Test
    void pointTtlOverridesDefault() {
        store.publish(List.of(Reading.of("d1", power10s, Map.of(), 500.0, T0),
                Reading.of("d1", temp, Map.of(), 20.0, T0)));
        // at T0 + 10 s both are fresh (ups age 10 000 <= 10 000); at T0 + 10.001 s only the 60 s temperature is
        assertEquals(List.of("d1/inlet{}=20.0", "d1/ups{}=500.0"), describe(store.fresh(T0 + 10_000)));
        assertEquals(List.of("d1/inlet{}=20.0"), describe(store.fresh(T0 + 10_001)));
        assertEquals(2, store.all().size());
    }

    @Test
    void badReadingIsNeverFreshButStaysVisibleInAll() {
        store.publish(Reading.of("d1", temp, Map.of(), 20.0, T0));
        store.publish(Reading.bad("d1", temp, Map.of(), "timeout", T0 + 1_000));
        assertEquals(0, store.fresh(T0 + 1_000).size());
        assertEquals("timeout", store.all().get(0).quality().reason());
    }

    @Test
    void readingFromTheFutureCountsAsFresh() {
        // a device clock 5 s ahead: age -5 000 ms <= ttl
        store.publish(Reading.of("d1", temp, Map.of(), 20.0, T0 + 5_000));
        assertEquals(1, store.fresh(T0).size());
    }

    @Test
    void removeDriverForgetsOnlyThatDriver() {
        store.publish(List.of(Reading.of("d1", temp, Map.of(), 20.0, T0), Reading.of("d2", temp, Map.of(), 21.0, T0),
                Reading.of("d1", power10s, Map.of(), 3.0, T0)));
        store.removeDriver("d1");
        assertEquals(List.of("d2/inlet{}=21.0"), describe(store.all()));
    }

    @Test
    void removeForgetsOneSeries() {
        store.publish(List.of(Reading.of("d1", temp, Map.of("rack", "r1"), 20.0, T0),
                Reading.of("d1", temp, Map.of("rack", "r2"), 22.0, T0)));
        store.remove(new SeriesKey("d1", "inlet", Map.of("rack", "r1")));
        assertEquals(List.of("d1/inlet{rack=r2}=22.0"), describe(store.all()));
    }

    @Test
    void listenersGetEachBatchAfterItIsStored() {
        List<String> seen = new ArrayList<>();
        store.addListener(batch -> seen.add(batch.size() + " readings, store holds " + store.all().size()));
        store.publish(List.of(Reading.of("d1", temp, Map.of(), 20.0, T0), Reading.of("d2", temp, Map.of(), 21.0, T0)));
        store.publish(Reading.of("d1", power10s, Map.of(), 3.0, T0));
        assertEquals(List.of("2 readings, store holds 2", "1 readings, store holds 3"), seen);
    }

    @Test
    void throwingListenerDoesNotStopPublishingOrOtherListeners() {
        List<Integer> seen = new ArrayList<>();
        store.addListener(batch -> {
            throw new IllegalStateException("boom");
        });
        store.addListener(batch -> seen.add(batch.size()));
        for (int i = 0; i < 3; i++) {
            store.publish(Reading.of("d1", temp, Map.of(), 20.0 + i, T0 + i));
        }
        assertEquals(List.of(1, 1, 1), seen);
        assertEquals(List.of("d1/inlet{}=22.0"), describe(store.all()));
    }

    @Test
    void removedListenerIsNoLongerCalled() {
        List<Integer> seen = new ArrayList<>();
        ReadingListener l = batch -> seen.add(batch.size());
        store.addListener(l);
        store.publish(Reading.of("d1", temp, Map.of(), 20.0, T0));
        store.removeListener(l);
        store.publish(Reading.of("d1", temp, Map.of(), 21.0, T0));
        assertEquals(List.of(1), seen);
    }

    @Test
    void nullReadingsAreSkippedAndEmptyBatchesNotAnnounced() {
        List<Integer> seen = new ArrayList<>();
        store.addListener(batch -> seen.add(batch.size()));
        List<Reading> withNull = new ArrayList<>();
        withNull.add(null);
        withNull.add(Reading.of("d1", temp, Map.of(), 20.0, T0));
        store.publish(withNull);
        store.publish(List.of());
        store.publish((List<Reading>) null);
        List<Reading> onlyNull = new ArrayList<>();
        onlyNull.add(null);
        store.publish(onlyNull);
        assertEquals(List.of(1), seen);
        assertEquals(1, store.all().size());
    }
}
