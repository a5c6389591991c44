package io.esnode.metrics.internal;

import io.prometheus.client.Collector;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collections;

/** Renders a collector's families the way /metrics does. */
public final class Exposition {
    private Exposition() {
    }

    public static String text004(Collector c) {
        StringWriter w = new StringWriter();
        try {
            TextFormat.write004(w, Collections.enumeration(c.collect()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    public static String openMetrics(Collector c) {
        StringWriter w = new StringWriter();
        try {
            TextFormat.writeOpenMetrics100(w, Collections.enumeration(c.collect()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }
}
