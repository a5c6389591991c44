package io.esnode.driver.mqtt;

import io.esnode.api.Driver;
import io.esnode.api.DriverStatus;
import io.esnode.api.ErrorKind;
import io.esnode.api.Point;
import io.esnode.api.ReadingStore;
import io.esnode.api.util.DriverRegistration;
import io.esnode.api.util.RateLimitedLog;
import io.esnode.api.util.StatusTracker;
import io.esnode.driver.mqtt.internal.session.MessageMapper;
import io.esnode.driver.mqtt.internal.session.MqttSession;
import io.esnode.driver.mqtt.internal.transport.MqttConnections;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MQTT driver instance per factory configuration: subscribes to a broker and turns messages into readings.
 * The {@link Driver} service is registered by hand so that it carries {@code esnode.driver.id} (taken from the
 * configuration's {@code id}) and {@code esnode.driver.protocol=mqtt}.
 */
@Component(configurationPid = MqttDriver.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = MqttDriver.Config.class, factory = true)
public final class MqttDriver implements Driver {
    public static final String PID = "esnode.driver.mqtt";
    public static final String PROTOCOL = "mqtt";
    private static final Logger LOG = LoggerFactory.getLogger(MqttDriver.class);
    private static final long LOG_INTERVAL_MILLIS = 60_000;

    /**
     * Numbers and booleans are read as text so that a bad value fails activation with a message naming the key;
     * the metatype still declares their real type for the Web Console.
     */
    @ObjectClassDefinition(name = "ESNODE MQTT driver",
            description = "Subscribes to an MQTT broker (MQTT 5 or 3.1.1) and turns JSON or bare numeric payloads "
                    + "into readings.")
    public @interface Config {
        @AttributeDefinition(name = "Driver id", description = "Unique id of this driver instance (label 'driver').")
        String id();

        @AttributeDefinition(name = "Points", required = false, description = "One point spec per entry: "
                + "name=…;topic=…;path=$.a.b[0];quantity=…;unit=…;scale=…;offset=…;topic_label=true;label.<name>=…")
        String[] points() default {};

        @AttributeDefinition(name = "Broker URL", required = false, description = "tcp://host:port or ssl://host:port")
        String broker__url() default "";

        @AttributeDefinition(name = "Target (legacy)", required = false,
                description = "host:port, used when no broker URL is set")
        String target() default "";

        @AttributeDefinition(name = "Use TLS (legacy)", type = AttributeType.BOOLEAN, required = false,
                description = "With target: connect with ssl://")
        String use__tls() default "false";

        @AttributeDefinition(name = "MQTT version", options = {
            @org.osgi.service.metatype.annotations.Option(label = "MQTT 5", value = "5"),
            @org.osgi.service.metatype.annotations.Option(label = "MQTT 3.1.1", value = "3.1.1")})
        String mqtt__version() default "5";

        @AttributeDefinition(name = "Client id", required = false, description = "Default: esnode-<id>")
        String client__id() default "";

        @AttributeDefinition(name = "User name", required = false)
        String username() default "";

        @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false)
        String password() default "";

        @AttributeDefinition(name = "QoS", type = AttributeType.INTEGER, min = "0", max = "2",
                description = "Subscription QoS 0, 1 or 2")
        String qos() default "1";

        @AttributeDefinition(name = "Clean session", type = AttributeType.BOOLEAN,
                description = "false keeps the broker session (MQTT 5: session expiry of one day)")
        String clean__session() default "true";

        @AttributeDefinition(name = "Keep alive (s)", type = AttributeType.INTEGER, min = "0", max = "65535")
        String keep__alive() default "30";

        @AttributeDefinition(name = "Topics", required = false,
                description = "Filters to subscribe (+ and # allowed); default: the points' topic filters")
        String[] topics() default {};

        @AttributeDefinition(name = "Mappings (legacy)", required = false,
                description = "Comma list of topic:sensor_type:unit:json_path[:scale]")
        String mappings() default "";

        @AttributeDefinition(name = "CA certificate (PEM)", required = false,
                description = "Default: the Java trust store")
        String ca__cert__path() default "";

        @AttributeDefinition(name = "Client certificate (PEM)", required = false)
        String client__cert__path() default "";

        @AttributeDefinition(name = "Client key (PEM)", required = false,
                description = "PKCS#8, PKCS#1 RSA or SEC1 EC, unencrypted")
        String client__key__path() default "";

        @AttributeDefinition(name = "TLS versions")
        String tls__versions() default "TLSv1.3,TLSv1.2";

        @AttributeDefinition(name = "Verify host name", type = AttributeType.BOOLEAN)
        String hostname__verification() default "true";

        @AttributeDefinition(name = "TLS server name", required = false,
                description = "Name the server certificate must match instead of the broker host")
        String tls__server__name() default "";

        @AttributeDefinition(name = "Reading TTL (s)", type = AttributeType.DOUBLE)
        String ttl() default "60";

        @AttributeDefinition(name = "Reconnect minimum delay (s)", type = AttributeType.DOUBLE)
        String reconnect__min() default "1";

        @AttributeDefinition(name = "Reconnect maximum delay (s)", type = AttributeType.DOUBLE)
        String reconnect__max() default "60";

        @AttributeDefinition(name = "Connect timeout (s)", type = AttributeType.INTEGER, min = "1")
        String connect__timeout() default "10";
    }

    @Reference
    private ReadingStore store;

    private DriverSettings settings;
    private StatusTracker status;
    private MqttSession session;
    private DriverRegistration registration;

    public MqttDriver() {
    }

    /** For tests outside OSGi. */
    MqttDriver(ReadingStore store) {
        this.store = store;
    }

    @Activate
    void activate(BundleContext context, Config config) {
        start(config);
        try {
            registration = DriverRegistration.register(context, this, settings.driverId(), PROTOCOL,
                    settings.connection().serverUri(),
                    ErrorKind.CONNECT, ErrorKind.AUTH, ErrorKind.DECODE, ErrorKind.PROTOCOL);
        } catch (RuntimeException e) {
            stop(); // SCR does not deactivate a component whose activation failed
            throw e;
        }
    }

    /** Validates the configuration and starts connecting in the background. */
    void start(Config config) {
        settings = DriverSettings.from(config);
        status = new StatusTracker(settings.driverId(), PROTOCOL, settings.connection().serverUri());
        RateLimitedLog rateLimit = new RateLimitedLog(LOG_INTERVAL_MILLIS);
        MessageMapper mapper = new MessageMapper(settings.driverId(), settings.mappings(), status, rateLimit);
        session = new MqttSession(settings.session(), mapper, store, status, rateLimit,
                (listener, executor) -> MqttConnections.create(settings.connection(), listener, executor));
        LOG.info("MQTT driver {} starting: {} points={} topics={} qos={} ttl={}s", settings.driverId(),
                settings.connection(), settings.mappings().size(), settings.session().subscriptions(),
                settings.session().qos(), settings.ttl().toMillis() / 1000.0);
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

    /** Disconnects, ends every thread and removes this driver's series from the store. */
    void stop() {
        if (session != null) {
            session.stop();
            session = null;
        }
        if (settings != null) {
            store.removeDriver(settings.driverId());
        }
        LOG.info("MQTT driver {} stopped", settings == null ? "?" : settings.driverId());
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
        return settings.mappings().stream().map(m -> m.point()).toList();
    }

    @Override
    public DriverStatus status() {
        return status.snapshot();
    }

    @Override
    public String toString() {
        return "MqttDriver[" + (settings == null ? "?" : settings.driverId()) + "]";
    }
}
