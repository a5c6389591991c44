package io.esnode.api.util;

import io.esnode.api.Driver;
import io.esnode.api.ErrorKind;
import java.util.Hashtable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * A driver's {@link Driver} service registration with the properties the exporter and console read: id, protocol,
 * target (without credentials) and the error kinds it can count.
 */
public final class DriverRegistration {
    /** Service property: what the driver talks to (broker URL, host:port, serial port), never with credentials. */
    public static final String TARGET = "esnode.driver.target";

    private final ServiceRegistration<Driver> registration;

    private DriverRegistration(ServiceRegistration<Driver> registration) {
        this.registration = registration;
    }

    public static DriverRegistration register(BundleContext context, Driver driver, String id, String protocol,
                                              String target, String... errorKinds) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(Driver.DRIVER_ID, id);
        props.put(Driver.PROTOCOL, protocol);
        props.put(TARGET, target == null ? "" : target);
        props.put(ErrorKind.DECLARED_KINDS_PROPERTY, errorKinds.clone());
        return new DriverRegistration(context.registerService(Driver.class, driver, props));
    }

    /** Withdraws the service; one the framework already withdrew (its bundle is stopping) is fine. */
    public void unregister() {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the bundle is stopping and the framework unregistered it first
        }
    }
}
