package io.esnode.driver.snmp;

import io.esnode.api.Driver;
import io.esnode.api.DriverStatus;
import io.esnode.api.ErrorKind;
import io.esnode.api.Point;
import io.esnode.api.ReadingStore;
import io.esnode.api.util.DriverRegistration;
import io.esnode.api.util.RateLimitedLog;
import io.esnode.api.util.StatusTracker;
import io.esnode.driver.snmp.internal.session.SessionSettings;
import io.esnode.driver.snmp.internal.session.SnmpPoint;
import io.esnode.driver.snmp.internal.session.SnmpSession;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SNMP driver instance per factory configuration: polls one agent (v1, v2c or v3 USM) and turns scalars and
 * table columns into readings. The {@link Driver} service is registered by hand so that it carries
 * {@code esnode.driver.id} (the configuration's {@code id}) and {@code esnode.driver.protocol=snmp}.
 */
@Component(configurationPid = SnmpDriver.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = SnmpDriver.Config.class, factory = true)
public final class SnmpDriver implements Driver {
    public static final String PID = "esnode.driver.snmp";
    public static final String PROTOCOL = "snmp";
    private static final Logger LOG = LoggerFactory.getLogger(SnmpDriver.class);
    private static final long LOG_INTERVAL_MILLIS = 60_000;

    /** Numbers are read as text so that a bad value fails activation with a message naming the key. */
    @ObjectClassDefinition(pid = PID, name = "ESNODE SNMP driver",
            description = "Polls an SNMP agent (v1, v2c, v3 USM) by GET and GETBULK table walks; device profiles "
                    + "name common MIBs (UPS-MIB, ENTITY-SENSOR-MIB, IF-MIB, APC rPDU2).")
    public @interface Config {
        @AttributeDefinition(name = "Driver id", description = "Unique id of this driver instance (label 'driver').")
        String id();

        @AttributeDefinition(name = "Target", description = "Agent: host, host:port, udp:host:port or tcp:host:port (port 161 by default)")
        String target();

        @AttributeDefinition(name = "Transport", required = false, options = {
            @Option(label = "UDP", value = "udp"), @Option(label = "TCP", value = "tcp")},
                description = "Used when the target has no udp:/tcp: prefix")
        String transport() default "udp";

        @AttributeDefinition(name = "SNMP version", options = {
            @Option(label = "v1", value = "1"), @Option(label = "v2c", value = "2c"), @Option(label = "v3 (USM)", value = "3")})
        String version() default "2c";

        @AttributeDefinition(name = "Community", type = AttributeType.PASSWORD, required = false,
                description = "v1/v2c community string")
        String community() default "public";

        @AttributeDefinition(name = "v3 user", required = false, description = "USM security name")
        String user() default "";

        @AttributeDefinition(name = "v3 authentication protocol", required = false, options = {
            @Option(label = "none (noAuthNoPriv)", value = "none"), @Option(label = "MD5", value = "MD5"),
            @Option(label = "SHA-1", value = "SHA"), @Option(label = "SHA-224", value = "SHA-224"),
            @Option(label = "SHA-256", value = "SHA-256"), @Option(label = "SHA-384", value = "SHA-384"),
            @Option(label = "SHA-512", value = "SHA-512")})
        String auth__protocol() default "none";

        @AttributeDefinition(name = "v3 authentication pass-phrase", type = AttributeType.PASSWORD, required = false)
        String auth__passphrase() default "";

        @AttributeDefinition(name = "v3 privacy protocol", required = false, options = {
            @Option(label = "none (authNoPriv)", value = "none"), @Option(label = "DES", value = "DES"),
            @Option(label = "AES-128", value = "AES"), @Option(label = "AES-192", value = "AES-192"),
            @Option(label = "AES-256", value = "AES-256")})
        String priv__protocol() default "none";

        @AttributeDefinition(name = "v3 privacy pass-phrase", type = AttributeType.PASSWORD, required = false)
        String priv__passphrase() default "";

        @AttributeDefinition(name = "v3 context name", required = false)
        String context() default "";

        @AttributeDefinition(name = "Timeout (s)", type = AttributeType.DOUBLE, description = "Per request attempt")
        String timeout() default "2";

        @AttributeDefinition(name = "Retries", type = AttributeType.INTEGER, min = "0", max = "10")
        String retries() default "1";

        @AttributeDefinition(name = "Poll interval (s)", type = AttributeType.DOUBLE)
        String poll__interval() default "10";

        @AttributeDefinition(name = "GETBULK max-repetitions", type = AttributeType.INTEGER, min = "1", max = "1000")
        String max__repetitions() default "25";

        @AttributeDefinition(name = "Max OIDs per request", type = AttributeType.INTEGER, min = "1", max = "1000",
                description = "Variable bindings per GET (split further when the agent answers tooBig) and columns per GETBULK")
        String max__oids__per__get() default "32";

        @AttributeDefinition(name = "Max message size (bytes)", type = AttributeType.INTEGER, min = "484", max = "65535",
                description = "Largest response accepted; v3 agents answer tooBig above it and the driver splits the request")
        String max__message__size() default "65535";

        @AttributeDefinition(name = "Max rows per column", type = AttributeType.INTEGER, min = "1")
        String max__rows() default "10000";

        @AttributeDefinition(name = "Profiles", required = false,
                description = "Device profiles (comma list or entries): ups-mib, entity-sensor-mib, if-mib, apc-rpdu2, "
                        + "or the name of a file <name>.profile in the profile directory")
        String[] profile() default {};

        @AttributeDefinition(name = "Profile directory", required = false,
                description = "Directory with extra or replacing <name>.profile files")
        String profile__dir() default "";

        @AttributeDefinition(name = "Points", required = false, description = "One point spec per entry: "
                + "name=…;oid=<instance OID> or name=…;table=<entry OID>;column=<n>;index_labels=…;label_columns=l:<n>, "
                + "plus quantity, unit, scale, offset, type, metric, pattern, pue_role, label.<name>")
        String[] points() default {};

        @AttributeDefinition(name = "OIDs (legacy)", required = false,
                description = "Comma list of scalar OIDs, each optionally name:OID")
        String oids() default "";

        @AttributeDefinition(name = "Labels", required = false,
                description = "Static labels name=value added to every point (e.g. rack=r1)")
        String[] labels() default {};

        @AttributeDefinition(name = "Reading TTL (s)", required = false, type = AttributeType.DOUBLE,
                description = "Default: 3 x poll interval")
        String ttl() default "";
    }

    @Reference
    private ReadingStore store;

    private DriverSettings settings;
    private StatusTracker status;
    private SnmpSession session;
    private DriverRegistration registration;

    public SnmpDriver() {
    }

    /** For tests outside OSGi. */
    SnmpDriver(ReadingStore store) {
        this.store = store;
    }

    @Activate
    void activate(BundleContext context, Config config) {
        start(config);
        try {
            registration = DriverRegistration.register(context, this, settings.driverId(), PROTOCOL,
                    settings.session().agent().address(),
                    ErrorKind.CONNECT, ErrorKind.AUTH, ErrorKind.TIMEOUT, ErrorKind.DECODE, ErrorKind.PROTOCOL, ErrorKind.MISSING);
        } catch (RuntimeException e) {
            stop(); // SCR does not deactivate a component whose activation failed
            throw e;
        }
    }

    /** Validates the configuration and starts polling in the background. */
    void start(Config config) {
        settings = DriverSettings.from(config);
        SessionSettings s = settings.session();
        status = new StatusTracker(settings.driverId(), PROTOCOL, s.agent().address());
        session = new SnmpSession(s, store, status, new RateLimitedLog(LOG_INTERVAL_MILLIS));
        LOG.info("SNMP driver {} starting: {} profiles={} points={} poll={}s ttl={}s max_repetitions={} max_oids_per_get={}",
                settings.driverId(), s.agent(), settings.profiles(), s.points().size(), s.pollMillis() / 1000.0,
                s.points().get(0).point().ttl().toMillis() / 1000.0, s.maxRepetitions(), s.maxOidsPerGet());
        session.start();
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
        stop();
    }

    /** Stops polling, closes the SNMP socket, ends every thread and removes this driver's series. */
    void stop() {
        if (session != null) {
            session.stop();
            session = null;
        }
        if (settings != null) {
            store.removeDriver(settings.driverId());
        }
        LOG.info("SNMP driver {} stopped", settings == null ? "?" : settings.driverId());
    }

    @Override
    public String id() {
        return settings.driverId();
    }

    @Override
    public String protocol() {
        return PROTOCOL;
    }

    @Override
    public List<Point> points() {
        return settings.session().points().stream().map(SnmpPoint::point).toList();
    }

    @Override
    public DriverStatus status() {
        return status.snapshot();
    }

    @Override
    public String toString() {
        return "SnmpDriver[" + (settings == null ? "?" : settings.driverId()) + "]";
    }
}
