package io.esnode.metrics.internal;

import io.prometheus.client.Collector;
import java.util.Collections;

/** Renders a collector's families the way /metrics does (with {@link ExpositionWriter}). */
public final class Exposition {
    private Exposition() {
    }

    public static String text004(Collector c) {
        StringBuilder out = new StringBuilder();
        ExpositionWriter.write004(out, Collections.enumeration(c.collect()));
        return out.toString();
    }

    public static String openMetrics(Collector c) {
        StringBuilder out = new StringBuilder();
        ExpositionWriter.writeOpenMetrics100(out, Collections.enumeration(c.collect()));
        return out.toString();
    }
}
