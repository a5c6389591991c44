package io.esnode.metrics.internal;

import io.esnode.api.MetricType;
import io.esnode.api.Point;
import io.esnode.api.Reading;
import io.esnode.api.ReadingStore;
import io.esnode.api.util.RateLimitedLog;
import io.prometheus.client.Collector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One family per metric name from one pass over the store's fresh readings, restricted to drivers whose service is
 * registered. Readings are taken in series order (driver, point, labels), so when two of them collide the same one
 * wins at every scrape.
 */
public final class ReadingsCollector extends Collector {
    private static final Logger LOG = LoggerFactory.getLogger(ReadingsCollector.class);

    private final ReadingStore store;
    private final RegisteredDrivers drivers;
    private final ExporterStats stats;
    private final LongSupplier clock;
    private final RateLimitedLog faults = new RateLimitedLog(60_000L);

    public ReadingsCollector(ReadingStore store, RegisteredDrivers drivers, ExporterStats stats, LongSupplier clock) {
        this.store = store;
        this.drivers = drivers;
        this.stats = stats;
        this.clock = clock;
    }

    @Override
    public List<MetricFamilySamples> collect() {
        List<Reading> fresh = store.fresh(clock.getAsLong());
        List<Reading> readings = new ArrayList<>(fresh.size());
        for (Reading r : fresh) {
            if (drivers.contains(r.driverId())) {
                readings.add(r);
            }
        }
        readings.sort(ReadingsCollector::seriesOrder);
        Map<String, Family> families = new HashMap<>();
        Map<Point, SeriesShape> shapes = new IdentityHashMap<>();
        for (Reading r : readings) {
            SeriesShape shape = shapes.computeIfAbsent(r.point(), SeriesShape::of);
            if (shape.refusal() != null) {
                refuse(shape.refusal(), r, shape.refusalDetail());
                continue;
            }
            addSample(families, shape, r);
        }
        List<MetricFamilySamples> out = new ArrayList<>(families.size());
        for (Family f : new TreeMap<>(families).values()) {
            out.add(f.toSamples());
        }
        return out;
    }

    private Family familyFor(Map<String, Family> families, SeriesShape shape, Reading r) {
        Family family = families.get(shape.family());
        if (family == null) {
            // a gauge "x_total" and a counter "x" would expose the same sample name
            String twin = shape.type() == MetricType.COUNTER ? shape.family() + "_total"
                    : shape.family().endsWith("_total") ? shape.family().substring(0, shape.family().length() - 6) : null;
            Family other = twin == null ? null : families.get(twin);
            if (other != null && other.shape.type() != shape.type()) {
                collision(shape.family(), r, other.first, "as " + typeWord(other.shape) + " family " + twin);
                return null;
            }
            family = new Family(shape, r);
            families.put(shape.family(), family);
        } else if (family.shape.type() != shape.type()) {
            collision(shape.family(), r, family.first, "as " + typeWord(family.shape));
            return null;
        }
        return family;
    }

    private void addSample(Map<String, Family> families, SeriesShape shape, Reading r) {
        List<String> names = shape.labelNames();
        List<String> values = new ArrayList<>(names.size() + r.labels().size());
        values.add(MetricNames.labelValue(r.driverId()));
        values.addAll(shape.pointValues());
        if (!r.labels().isEmpty()) {
            names = new ArrayList<>(names);
            for (Map.Entry<String, String> l : r.labels().entrySet()) {
                String name = MetricNames.labelName(l.getKey());
                if (SeriesShape.isReserved(name)) {
                    refuse(ExporterStats.RESERVED_LABEL, r, "run-time label '" + l.getKey() + "' is reserved");
                    return;
                }
                if (names.contains(name)) {
                    refuse(ExporterStats.DUPLICATE_LABEL, r, "run-time label '" + l.getKey() + "' repeats label " + name);
                    return;
                }
                names.add(name);
                values.add(MetricNames.labelValue(l.getValue()));
            }
        }
        Family family = familyFor(families, shape, r);
        if (family == null) {
            return;
        }
        Reading earlier = family.series.putIfAbsent(List.of(names, values), r);
        if (earlier != null) {
            collision(shape.family(), r, earlier, "with the same labels");
            return;
        }
        family.samples.add(new MetricFamilySamples.Sample(shape.sampleName(), names,
                r.exact() ? new ExactCounterLabels(values, r.exactUnsigned()) : values, r.value()));
    }

    private void refuse(String kind, Reading r, String detail) {
        stats.error(kind);
        long suppressed = faults.allow(kind + ":" + r.driverId() + "/" + r.point().name());
        if (suppressed >= 0) {
            LOG.warn("point {}/{} is not exported: {} ({} similar suppressed)", r.driverId(), r.point().name(), detail,
                    suppressed);
        }
    }

    private void collision(String family, Reading loser, Reading winner, String how) {
        stats.collision();
        long suppressed = faults.allow("collision:" + loser.driverId() + "/" + loser.point().name());
        if (suppressed >= 0) {
            LOG.warn("metric {}: point {}/{}{} is not exported: it collides with point {}/{}{}, already exported {}"
                            + " ({} similar suppressed)", family, loser.driverId(), loser.point().name(), loser.labels(),
                    winner.driverId(), winner.point().name(), winner.labels(), how, suppressed);
        }
    }

    private static String typeWord(SeriesShape shape) {
        return shape.type() == MetricType.COUNTER ? "a counter" : "a gauge";
    }

    static int seriesOrder(Reading a, Reading b) {
        int c = a.driverId().compareTo(b.driverId());
        if (c != 0) {
            return c;
        }
        c = a.point().name().compareTo(b.point().name());
        if (c != 0) {
            return c;
        }
        Iterator<Map.Entry<String, String>> ia = a.labels().entrySet().iterator();
        Iterator<Map.Entry<String, String>> ib = b.labels().entrySet().iterator();
        while (ia.hasNext() && ib.hasNext()) {
            Map.Entry<String, String> ea = ia.next();
            Map.Entry<String, String> eb = ib.next();
            c = ea.getKey().compareTo(eb.getKey());
            if (c == 0) {
                c = ea.getValue().compareTo(eb.getValue());
            }
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(ia.hasNext(), ib.hasNext());
    }

    /** The samples of one family being built during a scrape. */
    private static final class Family {
        final SeriesShape shape;
        final Reading first;
        final Map<List<List<String>>, Reading> series = new HashMap<>();
        final List<MetricFamilySamples.Sample> samples = new ArrayList<>();

        Family(SeriesShape shape, Reading first) {
            this.shape = shape;
            this.first = first;
        }

        MetricFamilySamples toSamples() {
            Type type = shape.type() == MetricType.COUNTER ? Type.COUNTER : Type.GAUGE;
            return new MetricFamilySamples(shape.family(), shape.unit(), type, shape.help(), samples);
        }
    }
}
