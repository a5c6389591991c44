package io.esnode.console.internal;

import java.util.List;

/** One PUE scope: its input selectors (from its configuration) and current values (NaN when absent). */
public record PueRow(String scope, List<String> itSelectors, List<String> facilitySelectors, double ratio,
                     double itWatts, double facilityWatts) {
}
