package io.esnode.api;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service: told about new readings (for derived calculations such as PUE). Called on the publishing
 * driver's thread, so implementations must return quickly and never throw.
 */
@ConsumerType
public interface ReadingListener {
    void onReadings(List<Reading> readings);
}
