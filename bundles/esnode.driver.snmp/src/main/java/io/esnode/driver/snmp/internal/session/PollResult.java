package io.esnode.driver.snmp.internal.session;

import io.esnode.api.Reading;
import java.util.List;

/**
 * What one poll produced.
 *
 * @param readings     good readings
 * @param missing      points (or table points without any row) the agent has no value for, as {@code name (reason)}
 * @param decodeErrors values that were there but could not be decoded, as {@code name: why}
 */
public record PollResult(List<Reading> readings, List<String> missing, List<String> decodeErrors) {

    public PollResult {
        readings = List.copyOf(readings);
        missing = List.copyOf(missing);
        decodeErrors = List.copyOf(decodeErrors);
    }
}
