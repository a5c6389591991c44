package io.esnode.driver.modbus;

import io.esnode.api.Driver;
import io.esnode.api.DriverStatus;
import io.esnode.api.ErrorKind;
import io.esnode.api.Point;
import io.esnode.api.ReadingStore;
import io.esnode.api.util.DriverRegistration;
import io.esnode.api.util.RateLimitedLog;
import io.esnode.api.util.StatusTracker;
import io.esnode.driver.modbus.internal.codec.PointMapping;
import io.esnode.driver.modbus.internal.session.PollSession;
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
 * One Modbus driver instance per factory configuration = one connection (a TCP endpoint, a serial port or a
 * serial gateway) with any number of unit ids behind it. The {@link Driver} service is registered by hand so that
 * it carries {@code esnode.driver.id} (the configuration's {@code id}) and {@code esnode.driver.protocol=modbus}.
 */
@Component(configurationPid = ModbusDriver.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = ModbusDriver.Config.class, factory = true)
public final class ModbusDriver implements Driver {
    public static final String PID = "esnode.driver.modbus";
    public static final String PROTOCOL = "modbus";
    private static final Logger LOG = LoggerFactory.getLogger(ModbusDriver.class);
    private static final long LOG_INTERVAL_MILLIS = 60_000;

    /** Numbers are read as text so that a bad value fails activation with a message naming the key. */
    @ObjectClassDefinition(pid = PID, name = "ESNODE Modbus driver",
            description = "Polls Modbus devices over TCP, RTU (serial) or RTU framed over TCP.")
    public @interface Config {
        @AttributeDefinition(name = "Driver id", description = "Unique id of this driver instance (label 'driver').")
        String id();

        @AttributeDefinition(name = "Points", required = false, description = "One point spec per entry: "
                + "name=…;unit_id=1;table=holding;address=0;data_type=float32;order=ABCD;bit=…;length=…;"
                + "quantity=…;unit=…;scale=…;offset=…;label.<name>=…;pue_role=…")
        String[] points() default {};

        @AttributeDefinition(name = "Transport", options = {
            @Option(label = "Modbus TCP", value = "tcp"),
            @Option(label = "RTU on a serial port", value = "rtu"),
            @Option(label = "RTU framed over TCP (serial gateway)", value = "rtu_over_tcp")})
        String transport() default "tcp";

        @AttributeDefinition(name = "Host", required = false, description = "TCP host (tcp, rtu_over_tcp)")
        String host() default "";

        @AttributeDefinition(name = "Port", type = AttributeType.INTEGER, min = "1", max = "65535")
        String port() default "502";

        @AttributeDefinition(name = "Target (legacy)", required = false,
                description = "host:port, or a serial device path (then transport rtu)")
        String target() default "";

        @AttributeDefinition(name = "Serial port", required = false, description = "e.g. /dev/ttyUSB0 (rtu)")
        String serial__port() default "";

        @AttributeDefinition(name = "Baud rate", type = AttributeType.INTEGER)
        String baud__rate() default "9600";

        @AttributeDefinition(name = "Data bits", type = AttributeType.INTEGER, min = "7", max = "8")
        String data__bits() default "8";

        @AttributeDefinition(name = "Parity", options = {
            @Option(label = "none", value = "none"), @Option(label = "even", value = "even"),
            @Option(label = "odd", value = "odd")})
        String parity() default "even";

        @AttributeDefinition(name = "Stop bits", type = AttributeType.INTEGER, min = "1", max = "2")
        String stop__bits() default "1";

        @AttributeDefinition(name = "Default unit id", required = false,
                description = "Unit id (0-255) of points without unit_id; default slave_id, else 1")
        String unit__id() default "";

        @AttributeDefinition(name = "Slave id (legacy)", required = false, description = "Same as unit id")
        String slave__id() default "";

        @AttributeDefinition(name = "Registers (legacy)", required = false,
                description = "Comma list of address:sensor_type:count:scale (count 2 = 32 bit, high word first)")
        String registers() default "";

        @AttributeDefinition(name = "Devices", required = false, description = "Per unit overrides, one entry each: "
                + "unit_id=2;poll_interval=10;max_registers=32;max_bits=…;max_gap=…;order=CDAB")
        String[] devices() default {};

        @AttributeDefinition(name = "Poll interval (s)", type = AttributeType.DOUBLE)
        String poll__interval() default "5";

        @AttributeDefinition(name = "Request timeout (s)", type = AttributeType.DOUBLE)
        String timeout() default "1";

        @AttributeDefinition(name = "Retries", type = AttributeType.INTEGER, min = "0", max = "5",
                description = "Further attempts after a timeout or a bad frame")
        String retries() default "1";

        @AttributeDefinition(name = "Pause between requests (s)", type = AttributeType.DOUBLE)
        String pause() default "0";

        @AttributeDefinition(name = "Max registers per read", type = AttributeType.INTEGER, min = "1", max = "125")
        String max__registers() default "125";

        @AttributeDefinition(name = "Max coils/inputs per read", type = AttributeType.INTEGER, min = "1", max = "2000")
        String max__bits() default "2000";

        @AttributeDefinition(name = "Max gap to fill", type = AttributeType.INTEGER, min = "0",
                description = "Unused registers a read may span between two points (0 = none)")
        String max__gap() default "0";

        @AttributeDefinition(name = "Default byte/word order", options = {
            @Option(label = "ABCD (big endian)", value = "ABCD"), @Option(label = "CDAB (word swap)", value = "CDAB"),
            @Option(label = "BADC (byte swap)", value = "BADC"), @Option(label = "DCBA (little endian)", value = "DCBA")})
        String order() default "ABCD";

        @AttributeDefinition(name = "Reading TTL (s)", required = false,
                description = "Default: 3 x the unit's poll interval")
        String ttl() default "";

        @AttributeDefinition(name = "Connect timeout (s)", type = AttributeType.DOUBLE)
        String connect__timeout() default "3";

        @AttributeDefinition(name = "Reconnect minimum delay (s)", type = AttributeType.DOUBLE)
        String reconnect__min() default "1";

        @AttributeDefinition(name = "Reconnect maximum delay (s)", type = AttributeType.DOUBLE)
        String reconnect__max() default "60";
    }

    @Reference
    private ReadingStore store;

    private DriverSettings settings;
    private StatusTracker status;
    private PollSession session;
    private DriverRegistration registration;

    public ModbusDriver() {
    }

    /** For tests outside OSGi. */
    ModbusDriver(ReadingStore store) {
        this.store = store;
    }

    @Activate
    void activate(BundleContext context, Config config) {
        start(config);
        try {
            registration = DriverRegistration.register(context, this, settings.driverId(), PROTOCOL,
                    settings.target(),
                    ErrorKind.CONNECT, ErrorKind.TIMEOUT, ErrorKind.EXCEPTION, ErrorKind.PROTOCOL, ErrorKind.DECODE);
        } catch (RuntimeException e) {
            stop(); // SCR does not deactivate a component whose activation failed
            throw e;
        }
    }

    /** Validates the configuration and starts polling in the background. */
    void start(Config config) {
        settings = DriverSettings.from(config);
        status = new StatusTracker(settings.driverId(), PROTOCOL, settings.target());
        session = new PollSession(settings.session(), settings.transport().get(), store, status,
                new RateLimitedLog(LOG_INTERVAL_MILLIS));
        LOG.info("Modbus driver {} starting: {} units={} points={} requests/cycle={} timeout={}ms retries={}",
                settings.driverId(), settings.target(), settings.session().devices().size(), settings.points().size(),
                settings.session().requestsPerCycle(), settings.session().timeoutMillis(),
                settings.session().retries());
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

    /** Ends polling, closes the connection and removes this driver's series from the store. */
    void stop() {
        if (session != null) {
            session.stop();
        }
        if (settings != null) {
            store.removeDriver(settings.driverId());
        }
        LOG.info("Modbus driver {} stopped", settings == null ? "?" : settings.driverId());
    }

    PollSession session() {
        return session;
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
        return settings.points().stream().map(PointMapping::point).toList();
    }

    @Override
    public DriverStatus status() {
        return status.snapshot();
    }

    @Override
    public String toString() {
        return "ModbusDriver[" + (settings == null ? "?" : settings.driverId()) + "]";
    }
}
