package io.esnode.driver.modbus.internal.session;

import io.esnode.driver.modbus.internal.codec.ReadRequest;
import java.util.List;

/**
 * What is polled from one unit id and how often.
 *
 * @param unitId             Modbus unit id
 * @param pollIntervalNanos  time between the starts of two polls of this unit
 * @param requests           the planned reads, in order
 */
public record DevicePlan(int unitId, long pollIntervalNanos, List<ReadRequest> requests) {
    public DevicePlan {
        requests = List.copyOf(requests);
        if (pollIntervalNanos <= 0) {
            throw new IllegalArgumentException("poll interval must be positive");
        }
    }

    public long pollIntervalMillis() {
        return pollIntervalNanos / 1_000_000L;
    }
}
