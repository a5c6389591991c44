package io.esnode.console.internal;

import java.util.List;

/**
 * One PUE scope: its input selectors (from its configuration), the readings currently selected
 * ({@code driver/point{labels}=watts}), its current values (NaN when absent) and why it has no valid ratio.
 */
public record PueRow(String scope, List<String> itSelectors, List<String> facilitySelectors, List<String> itInputs,
                     List<String> facilityInputs, double ratio, double itWatts, double facilityWatts, String status) {
}
