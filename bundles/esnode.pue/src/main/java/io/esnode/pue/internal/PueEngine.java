package io.esnode.pue.internal;

import io.esnode.api.PueRole;
import io.esnode.api.Quantity;
import io.esnode.api.Reading;
import io.esnode.api.ReadingStore;
import io.esnode.api.util.RateLimitedLog;
import io.esnode.api.pue.PueResult;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;
import io.prometheus.client.Collector.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One PUE scope at work: selects the power readings of each side from the store, evaluates them with the
 * {@link PueCalculator}, counts invalid evaluations made when new readings arrive, and builds the
 * {@code esnode_pue_*} families for a scrape.
 */
public final class PueEngine {
    public static final String RATIO = "esnode_pue_ratio";
    public static final String IT_POWER = "esnode_pue_it_power_watts";
    public static final String FACILITY_POWER = "esnode_pue_facility_power_watts";
    public static final String EFFICIENCY = "esnode_pue_efficiency_percent";
    public static final String OVERHEAD = "esnode_pue_overhead_watts";
    public static final String INVALID = "esnode_pue_invalid";
    private static final List<String> COUNTED_REASONS = List.of(PueResult.FACILITY_BELOW_IT,
            PueResult.IT_NOT_POSITIVE, PueResult.NOT_FINITE, PueResult.RATIO_ABOVE_MAX);

    private static final Logger LOG = LoggerFactory.getLogger(PueEngine.class);

    private final String scope;
    private final PointSelection it;
    private final PointSelection facility;
    private final PueCalculator calculator;
    private final ReadingStore store;
    private final LongSupplier clock;
    private final Map<String, LongAdder> invalid = new ConcurrentSkipListMap<>();
    private final RateLimitedLog faults = new RateLimitedLog(300_000L);
    private final List<String> scopeLabel = List.of("scope");
    private final List<String> scopeValue;

    public PueEngine(String scope, PointSelection it, PointSelection facility, PueCalculator calculator,
                     ReadingStore store, LongSupplier clock) {
        this.scope = scope;
        this.it = it;
        this.facility = facility;
        this.calculator = calculator;
        this.store = store;
        this.clock = clock;
        this.scopeValue = List.of(scope);
        for (String reason : COUNTED_REASONS) {
            invalid.put(reason, new LongAdder());
        }
    }

    public String scope() {
        return scope;
    }

    /** Re-evaluates and counts an invalid result when the batch holds a reading of a selected point. */
    public void onReadings(List<Reading> batch) {
        for (Reading r : batch) {
            if (it.matches(r) || facility.matches(r)) {
                PueResult result = evaluate();
                result.invalidReason().ifPresent(reason -> invalid.computeIfAbsent(reason, k -> new LongAdder()).increment());
                return;
            }
        }
    }

    /** Evaluates from the store's fresh readings now; counts nothing. */
    public PueResult evaluate() {
        long now = clock.getAsLong();
        return calculator.evaluate(scope, inputs(store.fresh(now)), now);
    }

    /** The fresh power readings selected as IT ({@code it} true) or as facility power. */
    public List<Reading> selectedInputs(boolean itRole) {
        PointSelection selection = itRole ? it : facility;
        List<Reading> selected = new ArrayList<>();
        for (Reading r : store.fresh(clock.getAsLong())) {
            if (r.point().quantity() == Quantity.POWER && selection.matches(r)) {
                selected.add(r);
            }
        }
        return selected;
    }

    List<PueInput> inputs(List<Reading> fresh) {
        List<PueInput> inputs = new ArrayList<>();
        for (Reading r : fresh) {
            boolean isIt = it.matches(r);
            boolean isFacility = facility.matches(r);
            if (!isIt && !isFacility) {
                continue;
            }
            if (r.point().quantity() != Quantity.POWER) {
                long suppressed = faults.allow(r.driverId() + "/" + r.point().name());
                if (suppressed >= 0) {
                    LOG.warn("PUE scope {}: point {}/{} is selected but measures {}, not power; ignored ({} similar suppressed)",
                            scope, r.driverId(), r.point().name(), r.point().quantity().metricWord(), suppressed);
                }
                continue;
            }
            long ttl = store.ttlMillis(r);
            if (isIt) {
                inputs.add(new PueInput(PueRole.IT, r.value(), r.timestampMillis(), ttl));
            }
            if (isFacility) {
                inputs.add(new PueInput(PueRole.FACILITY, r.value(), r.timestampMillis(), ttl));
            }
        }
        return inputs;
    }

    public Map<String, Long> invalidCounts() {
        Map<String, Long> counts = new TreeMap<>();
        invalid.forEach((k, v) -> counts.put(k, v.sum()));
        return counts;
    }

    /** The five value families (empty unless the evaluation is valid) and the invalid counter. */
    public List<MetricFamilySamples> families() {
        PueResult r = evaluate();
        List<MetricFamilySamples> out = new ArrayList<>(6);
        out.add(gauge(RATIO, "", "Power usage effectiveness: facility power / IT power", r.ratio()));
        out.add(gauge(IT_POWER, "watts", "IT power of the PUE scope", r.isValid() ? r.itWatts() : OptionalDouble.empty()));
        out.add(gauge(FACILITY_POWER, "watts", "Total facility power of the PUE scope",
                r.isValid() ? r.facilityWatts() : OptionalDouble.empty()));
        out.add(gauge(EFFICIENCY, "percent", "IT power / facility power * 100", r.efficiencyPercent()));
        out.add(gauge(OVERHEAD, "watts", "Facility power - IT power", r.overheadWatts()));
        List<Sample> counts = new ArrayList<>();
        List<String> names = List.of("scope", "reason");
        invalid.forEach((reason, n) -> counts.add(new Sample(INVALID + "_total", names, List.of(scope, reason), n.sum())));
        out.add(new MetricFamilySamples(INVALID, Type.COUNTER, "Evaluations on new readings that gave an invalid PUE, by reason",
                counts));
        return out;
    }

    private MetricFamilySamples gauge(String name, String unit, String help, OptionalDouble value) {
        List<Sample> samples = value.isPresent() ? List.of(new Sample(name, scopeLabel, scopeValue, value.getAsDouble()))
                : List.of();
        return new MetricFamilySamples(name, unit, Type.GAUGE, help, samples);
    }
}
