package io.esnode.api;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A running driver instance, registered as a service by every protocol bundle (one per factory configuration).
 * The exporter and console track these services dynamically; a driver's series disappear with its service.
 */
@ConsumerType
public interface Driver {

    /** Service property carrying the driver id. */
    String DRIVER_ID = "esnode.driver.id";
    /** Service property carrying the protocol name. */
    String PROTOCOL = "esnode.driver.protocol";

    String id();

    String protocol();

    /** The configured points (for a wildcard mapping, the template point). */
    List<Point> points();

    DriverStatus status();
}
