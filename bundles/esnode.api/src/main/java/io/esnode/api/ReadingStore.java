package io.esnode.api;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The one shared latest-value store. Drivers publish, the exporter and calculators read. It lives in its own
 * bundle so a driver bundle can be updated or removed without the exporter or PUE restarting.
 */
@ProviderType
public interface ReadingStore {

    /** Stores readings as the latest value of their series and tells the listeners. */
    void publish(List<Reading> readings);

    default void publish(Reading reading) {
        publish(List.of(reading));
    }

    /** Forgets every series of a driver (called when a driver stops or is reconfigured). */
    void removeDriver(String driverId);

    /** Forgets one series. */
    void remove(SeriesKey key);

    /** The latest reading of every series whose time to live has not passed at {@code nowMillis}. */
    List<Reading> fresh(long nowMillis);

    /** The latest reading of every series, fresh or not (for the console). */
    List<Reading> all();

    /** Time to live used for a reading whose point has none, in milliseconds. */
    long ttlMillis(Reading reading);
}
