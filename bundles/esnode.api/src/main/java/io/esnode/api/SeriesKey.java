package io.esnode.api;

import java.util.Map;

/** Identity of a series in the reading store: driver, point and run-time labels. */
public record SeriesKey(String driverId, String point, Map<String, String> labels) {
}
