package io.esnode.pue;

import io.esnode.api.Reading;
import io.esnode.api.ReadingListener;
import io.esnode.api.ReadingStore;
import io.esnode.api.pue.PueResult;
import io.esnode.api.pue.PueView;
import io.esnode.pue.internal.PointSelection;
import io.esnode.pue.internal.PueCalculator;
import io.esnode.pue.internal.PueEngine;
import io.prometheus.client.Collector;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One PUE scope: a {@link ReadingListener} that re-evaluates (and counts invalid results) when readings of its
 * points arrive, and a whiteboard {@link Collector} that evaluates at scrape time from the store's fresh readings.
 *
 * <p>The configuration policy is OPTIONAL on the factory PID on purpose: while no {@code esnode.pue} configuration
 * exists, SCR runs one instance with the defaults (scope {@code site}, {@code pue_role=it} / {@code pue_role=facility});
 * the first factory configuration takes that instance over, and deleting the last one brings the default back.
 * So a site PUE exists out of the box and never runs twice beside a configured one.
 */
@Component(configurationPid = PueScope.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = {ReadingListener.class, Collector.class, PueView.class},
        property = PueScope.COLLECTOR_NAME + "=pue")
@Designate(ocd = PueScope.Config.class, factory = true)
public final class PueScope extends Collector implements ReadingListener, PueView {
    public static final String PID = "esnode.pue";
    /** Service property read by the exporter to name this collector in esnode_exporter_collector_errors_total. */
    static final String COLLECTOR_NAME = "esnode.collector.name";

    private static final Logger LOG = LoggerFactory.getLogger(PueScope.class);

    @ObjectClassDefinition(name = "ESNODE PUE scope",
            description = "Power usage effectiveness (facility power / IT power) of one scope: site, hall, row …")
    public @interface Config {
        @AttributeDefinition(name = "Scope", description = "Value of the scope label, e.g. site or hall-1")
        String scope() default "site";

        @AttributeDefinition(name = "IT power selectors", description = "Selectors of the IT power points, OR-ed;"
                + " each is label=value terms AND-ed (* matches anything; pseudo-labels driver, point, pue_role,"
                + " quantity) or driver/point")
        String[] it() default {"pue_role=it"};

        @AttributeDefinition(name = "Facility power selectors",
                description = "Selectors of the total facility power points, in the same syntax")
        String[] facility() default {"pue_role=facility"};

        @AttributeDefinition(name = "Maximum ratio", description = "A PUE above this is reported invalid"
                + " (esnode_pue_invalid_total reason ratio_above_max)", min = "1")
        double max__ratio() default PueCalculator.DEFAULT_MAX_RATIO;
    }

    private final PueEngine engine;

    @Activate
    public PueScope(@Reference ReadingStore store, Config config) {
        this(store, config, System::currentTimeMillis);
    }

    PueScope(ReadingStore store, Config config, LongSupplier clock) {
        String scope = config.scope() == null ? "" : config.scope().trim();
        if (scope.isEmpty()) {
            throw new IllegalArgumentException(PID + ": scope must not be empty");
        }
        String where = PID + " scope '" + scope + "': ";
        PueCalculator calculator;
        PointSelection it;
        PointSelection facility;
        try {
            calculator = new PueCalculator(config.max__ratio());
            it = PointSelection.parse("it", config.it());
            facility = PointSelection.parse("facility", config.facility());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
        engine = new PueEngine(scope, it, facility, calculator, store, clock);
        LOG.info("PUE scope {} active: it={} facility={} max_ratio={}", scope, Arrays.toString(config.it()),
                Arrays.toString(config.facility()), config.max__ratio());
    }

    @Override
    public void onReadings(List<Reading> readings) {
        engine.onReadings(readings);
    }

    @Override
    public List<MetricFamilySamples> collect() {
        return engine.families();
    }

    @Override
    public String scope() {
        return engine.scope();
    }

    @Override
    public PueResult current() {
        return engine.evaluate();
    }

    @Override
    public List<Reading> itInputs() {
        return engine.selectedInputs(true);
    }

    @Override
    public List<Reading> facilityInputs() {
        return engine.selectedInputs(false);
    }

    @Override
    public Map<String, Long> invalidCounts() {
        return engine.invalidCounts();
    }
}
