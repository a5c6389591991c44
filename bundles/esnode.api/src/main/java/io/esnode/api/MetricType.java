package io.esnode.api;

/** How a point is exported: a gauge can go up and down, a counter only grows (and may reset). */
public enum MetricType {
    GAUGE, COUNTER
}
