package io.esnode.console;

import io.esnode.api.Driver;
import io.esnode.api.DriverStatus;
import io.esnode.api.Reading;
import io.esnode.api.ReadingStore;
import io.esnode.console.internal.ConsoleNames;
import io.esnode.console.internal.DriverRow;
import io.esnode.console.internal.Filters;
import io.esnode.console.internal.PointRow;
import io.esnode.console.internal.PueRow;
import io.esnode.console.internal.Format;
import io.esnode.console.internal.Secrets;
import io.esnode.api.pue.PueResult;
import io.esnode.api.pue.PueView;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations behind both the Gogo commands and the web page: lists drivers (configuration joined with the
 * running service or the reason it does not run), points and PUE scopes, and creates, deletes, disables, enables
 * and restarts driver instances through Configuration Admin. Every failure is an {@link IllegalArgumentException}
 * with a one-line message; nothing it returns holds a secret.
 *
 * <p>Disabling binds the driver's configuration to a bundle location that no bundle has
 * ({@link ConsoleNames#DISABLED_LOCATION}): SCR then no longer gives it to the driver bundle and stops that one
 * instance, while the configuration (same PID, same properties) stays. Enabling restores the multi-location
 * binding {@code ?}. This works for every driver without it reading an "enabled" key.
 */
@Component(service = DriverAdmin.class)
public final class DriverAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(DriverAdmin.class);
    static final long WAIT_MILLIS = 5_000;
    private static final int DTO_FAILED = 16;
    private static final int DTO_UNSATISFIED_REFERENCE = 2;
    private static final int DTO_UNSATISFIED_CONFIGURATION = 1;

    private final ConfigurationAdmin cm;
    private final ServiceComponentRuntime scr;
    private final ReadingStore store;
    private final Map<String, Driver> drivers = new ConcurrentHashMap<>();
    private final List<PueView> pueViews = new CopyOnWriteArrayList<>();

    @Activate
    public DriverAdmin(@Reference ConfigurationAdmin cm, @Reference ServiceComponentRuntime scr,
                       @Reference ReadingStore store) {
        this.cm = cm;
        this.scr = scr;
        this.store = store;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindDriver(Driver driver, Map<String, Object> properties) {
        drivers.put(String.valueOf(properties.get(Driver.DRIVER_ID)), driver);
    }

    void unbindDriver(Driver driver, Map<String, Object> properties) {
        drivers.remove(String.valueOf(properties.get(Driver.DRIVER_ID)), driver);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindPue(PueView view) {
        pueViews.add(view);
    }

    void unbindPue(PueView view) {
        pueViews.remove(view);
    }

    // ---- views ----

    /** Every driver instance, sorted by id. */
    public List<DriverRow> drivers() {
        Map<String, ComponentConfigurationDTO> scrByPid = scrConfigurationsByPid();
        Map<String, DriverRow> rows = new TreeMap<>();
        for (Configuration c : driverConfigurations()) {
            String id = idOf(c);
            String protocol = c.getFactoryPid().substring(ConsoleNames.DRIVER_FACTORY_PID_PREFIX.length());
            boolean enabled = !ConsoleNames.DISABLED_LOCATION.equals(c.getBundleLocation());
            boolean fromFile = c.getProperties().get(ConsoleNames.CONFIG_SOURCE) != null;
            Driver running = drivers.get(id);
            if (enabled && running != null) {
                rows.put(id, fromStatus(running, c.getPid(), fromFile));
            } else {
                String state;
                String detail = "";
                ComponentConfigurationDTO dto = scrByPid.get(c.getPid());
                if (!enabled) {
                    state = "DISABLED";
                } else if (dto == null) {
                    state = protocols().contains(protocol) ? "PENDING" : "NO_DRIVER_BUNDLE";
                } else if (dto.state == DTO_FAILED) {
                    state = "FAILED";
                    detail = firstLine(dto.failure);
                } else if (dto.state == DTO_UNSATISFIED_REFERENCE || dto.state == DTO_UNSATISFIED_CONFIGURATION) {
                    state = "UNSATISFIED";
                } else {
                    state = "PENDING";
                }
                rows.put(id, new DriverRow(id, protocol, c.getPid(), state, detail, enabled, fromFile, "", 0, "",
                        Map.of(), pointCount(c), 0, 0));
            }
        }
        drivers.forEach((id, d) -> rows.computeIfAbsent(id, k -> fromStatus(d, "", false)));
        return List.copyOf(rows.values());
    }

    /** The latest reading of every series (of one driver when {@code driverId} is not null). */
    public List<PointRow> points(String driverId) {
        if (driverId != null) {
            requireKnown(driverId);
        }
        long now = System.currentTimeMillis();
        List<PointRow> rows = new ArrayList<>();
        for (Reading r : store.all()) {
            if (driverId != null && !driverId.equals(r.driverId())) {
                continue;
            }
            String quality = r.quality().isGood() ? "GOOD"
                    : r.quality().code() + (r.quality().reason().isEmpty() ? "" : ": " + r.quality().reason());
            rows.add(new PointRow(r.driverId(), r.point().name(), r.labels(), r.value(),
                    r.point().quantity().baseUnit(), quality, now - r.timestampMillis()));
        }
        rows.sort(Comparator.comparing(PointRow::driver).thenComparing(PointRow::point)
                .thenComparing(p -> p.labels().toString()));
        return rows;
    }

    /** Every PUE scope with its selectors, selected inputs and current value. */
    public List<PueRow> pue() {
        Map<String, List<List<String>>> selectors = new TreeMap<>();
        for (Configuration c : list("(service.factoryPid=" + ConsoleNames.PUE_PID + ")")) {
            Dictionary<String, Object> p = c.getProperties();
            selectors.put(String.valueOf(p.get("scope")), List.of(strings(p.get("it")), strings(p.get("facility"))));
        }
        List<PueRow> rows = new ArrayList<>();
        for (PueView view : pueViews) {
            try {
                PueResult r = view.current();
                List<List<String>> sel = selectors.getOrDefault(view.scope(),
                        List.of(List.of("pue_role=it"), List.of("pue_role=facility")));
                String status = r.isValid() ? "valid"
                        : r.invalidReason().map(x -> "invalid: " + x).orElse(r.absentReason().map(x -> "absent: " + x)
                        .orElse("-"));
                rows.add(new PueRow(view.scope(), sel.get(0), sel.get(1), inputs(view.itInputs()),
                        inputs(view.facilityInputs()), r.ratio().orElse(Double.NaN), r.itWatts().orElse(Double.NaN),
                        r.facilityWatts().orElse(Double.NaN), status));
            } catch (RuntimeException e) {
                LOG.debug("PUE view failed", e);
            }
        }
        rows.sort(Comparator.comparing(PueRow::scope));
        return rows;
    }

    private static List<String> inputs(List<Reading> readings) {
        return readings.stream().map(r -> r.driverId() + "/" + r.point().name() + Format.labels(r.labels()) + "="
                + Format.number(r.value()) + " W").sorted().toList();
    }

    /** Protocols whose driver bundle is installed (a DS component on PID esnode.driver.&lt;protocol&gt;). */
    public Set<String> protocols() {
        Set<String> protocols = new TreeSet<>();
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            for (String pid : d.configurationPid) {
                if (pid.startsWith(ConsoleNames.DRIVER_FACTORY_PID_PREFIX)) {
                    protocols.add(pid.substring(ConsoleNames.DRIVER_FACTORY_PID_PREFIX.length()));
                }
            }
        }
        return protocols;
    }

    // ---- operations ----

    /** Creates the factory configuration {@code esnode.driver.<protocol>} named {@code id} and waits for it to run. */
    public String create(String protocol, String id, Map<String, Object> properties) {
        if (!ConsoleNames.ID.matcher(id).matches()) {
            throw new IllegalArgumentException("invalid driver id '" + id
                    + "' (letters, digits, _ . -; starting with a letter or digit)");
        }
        Set<String> installed = protocols();
        if (!installed.contains(protocol)) {
            throw new IllegalArgumentException("unknown protocol '" + protocol + "' (installed driver bundles: "
                    + (installed.isEmpty() ? "none" : String.join(", ", installed)) + ")");
        }
        if (findConfiguration(id) != null || drivers.containsKey(id)) {
            throw new IllegalArgumentException("driver '" + id + "' already exists");
        }
        Hashtable<String, Object> props = new Hashtable<>(properties);
        props.put("id", id);
        Configuration c;
        try {
            c = cm.getFactoryConfiguration(ConsoleNames.DRIVER_FACTORY_PID_PREFIX + protocol, id,
                    ConsoleNames.ANY_LOCATION);
            c.update(props);
        } catch (IOException e) {
            throw new IllegalArgumentException("Configuration Admin refused driver '" + id + "': " + e.getMessage());
        }
        String pid = c.getPid();
        LOG.info("console created driver {} ({}): {}", id, pid, masked(props));
        String failure = awaitRunningOrFailure(id, pid);
        if (failure != null) {
            deleteQuietly(c);
            throw new IllegalArgumentException("driver '" + id + "' rejected its configuration, nothing created: "
                    + failure);
        }
        return "created " + protocol + " driver '" + id + "' (" + pid + "): " + stateOf(id);
    }

    public String delete(String id) {
        Configuration c = requireConfiguration(id);
        boolean fromFile = c.getProperties().get(ConsoleNames.CONFIG_SOURCE) != null;
        try {
            c.delete();
        } catch (IOException | IllegalStateException e) {
            throw new IllegalArgumentException("cannot delete driver '" + id + "': " + e.getMessage());
        }
        awaitStopped(id);
        LOG.info("console deleted driver {}", id);
        return "deleted driver '" + id + "'" + fileNote(fromFile, "it comes back at the next change of that file;"
                + " remove its [[drivers]] section there");
    }

    public String disable(String id) {
        Configuration c = requireConfiguration(id);
        if (ConsoleNames.DISABLED_LOCATION.equals(c.getBundleLocation())) {
            return "driver '" + id + "' is already disabled";
        }
        c.setBundleLocation(ConsoleNames.DISABLED_LOCATION);
        boolean stopped = awaitStopped(id);
        LOG.info("console disabled driver {}", id);
        return "disabled driver '" + id + "' (configuration kept" + (stopped ? "" : "; still stopping")
                + "; 'enable " + id + "' starts it again)";
    }

    public String enable(String id) {
        Configuration c = requireConfiguration(id);
        if (!ConsoleNames.DISABLED_LOCATION.equals(c.getBundleLocation())) {
            return "driver '" + id + "' is already enabled: " + stateOf(id);
        }
        c.setBundleLocation(ConsoleNames.ANY_LOCATION);
        String failure = awaitRunningOrFailure(id, c.getPid());
        LOG.info("console enabled driver {}", id);
        if (failure != null) {
            throw new IllegalArgumentException("driver '" + id + "' enabled but it failed to start: " + failure);
        }
        return "enabled driver '" + id + "': " + stateOf(id);
    }

    public String restart(String id) {
        Configuration c = requireConfiguration(id);
        if (ConsoleNames.DISABLED_LOCATION.equals(c.getBundleLocation())) {
            throw new IllegalArgumentException("driver '" + id + "' is disabled; 'enable " + id + "' starts it");
        }
        Driver before = drivers.get(id);
        Dictionary<String, Object> props = c.getProperties();
        Object n = props.get(ConsoleNames.RESTART_KEY);
        props.put(ConsoleNames.RESTART_KEY, (n instanceof Number num ? num.longValue() : 0L) + 1);
        try {
            c.update(props);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot restart driver '" + id + "': " + e.getMessage());
        }
        await(() -> {
            Driver now = drivers.get(id);
            return now != null && now != before;
        });
        String failure = awaitRunningOrFailure(id, c.getPid());
        if (failure != null) {
            throw new IllegalArgumentException("driver '" + id + "' failed to restart: " + failure);
        }
        LOG.info("console restarted driver {}", id);
        return "restarted driver '" + id + "': " + stateOf(id);
    }

    /**
     * Makes esnode.config re-read its file now: bumping a property of the loader's own configuration makes SCR
     * re-create the loader (it has no modified method), and a new loader reads the file at once.
     */
    public String reload() {
        boolean installed = scr.getComponentDescriptionDTOs().stream()
                .anyMatch(d -> ConsoleNames.LOADER_COMPONENT.equals(d.name));
        if (!installed) {
            throw new IllegalArgumentException("esnode.config (the etc/esnode.toml loader) is not installed");
        }
        try {
            Configuration c = cm.getConfiguration(ConsoleNames.LOADER_PID, ConsoleNames.ANY_LOCATION);
            Dictionary<String, Object> props = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
            Object n = props.get(ConsoleNames.RELOAD_KEY);
            props.put(ConsoleNames.RELOAD_KEY, (n instanceof Number num ? num.longValue() : 0L) + 1);
            c.update(props);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot ask esnode.config to reload: " + e.getMessage());
        }
        LOG.info("console asked esnode.config to re-read its file");
        return "esnode.config re-reads its file now (its log line 'applied …' or the error tells the result)";
    }

    /** A driver's configuration for display: its properties sorted by key, secrets as ****. */
    public Map<String, String> configuration(String id) {
        Configuration c = requireConfiguration(id);
        Map<String, String> shown = new LinkedHashMap<>();
        Dictionary<String, Object> p = c.getProperties();
        List<String> keys = Collections.list(p.keys());
        Collections.sort(keys);
        for (String k : keys) {
            shown.put(k, Secrets.display(k, p.get(k)));
        }
        return shown;
    }

    // ---- helpers ----

    private String stateOf(String id) {
        for (DriverRow r : drivers()) {
            if (r.id().equals(id)) {
                return r.state() + (r.detail().isEmpty() ? "" : " (" + r.detail() + ")");
            }
        }
        return "GONE";
    }

    /**
     * Null once the driver runs and has left STARTING (or is still pending after the wait), else the activation
     * failure.
     */
    private String awaitRunningOrFailure(String id, String pid) {
        String[] failure = new String[1];
        await(() -> {
            Driver d = drivers.get(id);
            if (d != null) {
                return !"STARTING".equals(stateName(d));
            }
            ComponentConfigurationDTO dto = scrConfigurationsByPid().get(pid);
            if (dto != null && dto.state == DTO_FAILED) {
                failure[0] = firstLine(dto.failure);
                return true;
            }
            return false;
        });
        return failure[0];
    }

    /** The service goes first; the driver removes its series from the store when its deactivation ends. */
    private boolean awaitStopped(String id) {
        return await(() -> !drivers.containsKey(id)
                && store.all().stream().noneMatch(r -> id.equals(r.driverId())));
    }

    private static String stateName(Driver d) {
        try {
            return d.status().state().name();
        } catch (RuntimeException e) {
            return "ERROR";
        }
    }

    private static boolean await(BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private void requireKnown(String id) {
        if (findConfiguration(id) == null && !drivers.containsKey(id)) {
            throw unknown(id);
        }
    }

    private Configuration requireConfiguration(String id) {
        Configuration c = findConfiguration(id);
        if (c == null) {
            if (drivers.containsKey(id)) {
                throw new IllegalArgumentException("driver '" + id + "' has no configuration the console can change");
            }
            throw unknown(id);
        }
        return c;
    }

    private IllegalArgumentException unknown(String id) {
        Set<String> known = drivers().stream().map(DriverRow::id).collect(Collectors.toCollection(TreeSet::new));
        return new IllegalArgumentException("unknown driver '" + id + "' (known: "
                + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
    }

    private Configuration findConfiguration(String id) {
        for (Configuration c : driverConfigurations()) {
            if (id.equals(idOf(c))) {
                return c;
            }
        }
        return null;
    }

    private List<Configuration> driverConfigurations() {
        List<Configuration> found = new ArrayList<>();
        for (Configuration c : list("(service.factoryPid=" + Filters.escape(ConsoleNames.DRIVER_FACTORY_PID_PREFIX) + "*)")) {
            if (c.getFactoryPid() != null && c.getProperties() != null) {
                found.add(c);
            }
        }
        return found;
    }

    private List<Configuration> list(String filter) {
        try {
            Configuration[] found = cm.listConfigurations(filter);
            return found == null ? List.of() : Arrays.asList(found);
        } catch (IOException | InvalidSyntaxException e) {
            throw new IllegalArgumentException("cannot list configurations: " + e.getMessage());
        }
    }

    private Map<String, ComponentConfigurationDTO> scrConfigurationsByPid() {
        Map<String, ComponentConfigurationDTO> byPid = new ConcurrentHashMap<>();
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            if (Arrays.stream(d.configurationPid).noneMatch(p -> p.startsWith(ConsoleNames.DRIVER_FACTORY_PID_PREFIX))) {
                continue;
            }
            for (ComponentConfigurationDTO cc : scr.getComponentConfigurationDTOs(d)) {
                Object pid = cc.properties.get("service.pid");
                if (pid instanceof String s) {
                    byPid.put(s, cc);
                } else if (pid instanceof String[] several && several.length > 0) {
                    byPid.put(several[several.length - 1], cc);
                }
            }
        }
        return byPid;
    }

    private static DriverRow fromStatus(Driver d, String pid, boolean fromFile) {
        try {
            DriverStatus s = d.status();
            return new DriverRow(s.driverId(), s.protocol(), pid, s.state().name(), "", true, fromFile, s.target(),
                    s.lastSuccessMillis(), s.lastError(), s.errorsByKind(), d.points().size(), s.latencyCount(),
                    s.latencySecondsSum());
        } catch (RuntimeException e) {
            return new DriverRow(safeId(d), "?", pid, "ERROR", "status() failed: " + e, true, fromFile, "", 0, "",
                    Map.of(), 0, 0, 0);
        }
    }

    private static String safeId(Driver d) {
        try {
            return d.id();
        } catch (RuntimeException e) {
            return "?";
        }
    }

    private static String idOf(Configuration c) {
        Object id = c.getProperties().get("id");
        if (id != null) {
            return String.valueOf(id);
        }
        String pid = c.getPid();
        int tilde = pid.indexOf('~');
        return tilde < 0 ? pid : pid.substring(tilde + 1);
    }

    private static int pointCount(Configuration c) {
        return strings(c.getProperties().get("points")).size();
    }

    private static List<String> strings(Object value) {
        if (value instanceof String[] a) {
            return List.of(a);
        }
        if (value instanceof java.util.Collection<?> col) {
            return col.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }

    private static String firstLine(String failure) {
        if (failure == null || failure.isBlank()) {
            return "activation failed";
        }
        String line = failure.strip().lines().findFirst().orElse("");
        int colon = line.indexOf(": ");
        if (colon > 0 && line.substring(0, colon).matches("[\\w.$]+(Exception|Error)")) {
            line = line.substring(colon + 2);
        }
        return line;
    }

    private static String fileNote(boolean fromFile, String what) {
        return fromFile ? "; note: it is defined in etc/esnode.toml: " + what : "";
    }

    private static String masked(Dictionary<String, Object> props) {
        List<String> keys = Collections.list(props.keys());
        Collections.sort(keys);
        return keys.stream().map(k -> k + "=" + Secrets.display(k, props.get(k))).collect(Collectors.joining(", "));
    }

    private static void deleteQuietly(Configuration c) {
        try {
            c.delete();
        } catch (IOException | IllegalStateException e) {
            LOG.warn("could not delete the rejected configuration {}: {}", c.getPid(), e.toString());
        }
    }
}
