package io.esnode.metrics.internal;

import io.prometheus.client.Collector;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;
import io.prometheus.client.exporter.common.TextFormat;
import io.prometheus.client.exemplars.Exemplar;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes families in the Prometheus text format 0.0.4 and in OpenMetrics 1.0.0, character for character as
 * simpleclient 0.16's {@link TextFormat} does, except that a sample whose label values are
 * {@link ExactCounterLabels} gets its exact decimal integer instead of the nearest double
 * ({@code 18446744073709551614}, not {@code 1.8446744073709552E19}).
 */
public final class ExpositionWriter {
    public static final String CONTENT_TYPE_004 = TextFormat.CONTENT_TYPE_004;
    public static final String CONTENT_TYPE_OPENMETRICS_100 = TextFormat.CONTENT_TYPE_OPENMETRICS_100;

    private ExpositionWriter() {
    }

    /** Writes in the format of {@code contentType}, one of the two constants above. */
    public static void write(String contentType, StringBuilder out, Enumeration<MetricFamilySamples> families) {
        if (CONTENT_TYPE_OPENMETRICS_100.equals(contentType)) {
            writeOpenMetrics100(out, families);
        } else if (CONTENT_TYPE_004.equals(contentType)) {
            write004(out, families);
        } else {
            throw new IllegalArgumentException("Unknown contentType " + contentType);
        }
    }

    public static void write004(StringBuilder out, Enumeration<MetricFamilySamples> families) {
        // OpenMetrics-only samples (_created, _gcount, _gsum) become gauges written after everything else
        Map<String, MetricFamilySamples> omFamilies = new TreeMap<>();
        while (families.hasMoreElements()) {
            MetricFamilySamples f = families.nextElement();
            String suffix = f.type == Collector.Type.COUNTER ? "_total" : f.type == Collector.Type.INFO ? "_info" : "";
            out.append("# HELP ").append(f.name).append(suffix).append(' ');
            escapeHelp004(out, f.help);
            out.append("\n# TYPE ").append(f.name).append(suffix).append(' ').append(typeString004(f.type)).append('\n');
            String created = f.name + "_created";
            String gcount = f.name + "_gcount";
            String gsum = f.name + "_gsum";
            for (Sample s : f.samples) {
                if (s.name.equals(created) || s.name.equals(gcount) || s.name.equals(gsum)) {
                    omFamilies.computeIfAbsent(s.name, n -> new MetricFamilySamples(n, Collector.Type.GAUGE, f.help,
                            new ArrayList<>())).samples.add(s);
                    continue;
                }
                out.append(s.name);
                int n = s.labelNames.size();
                if (n > 0) {
                    out.append('{');
                    for (int i = 0; i < n; i++) {
                        out.append(s.labelNames.get(i)).append("=\"");
                        escapeLabelValue(out, s.labelValues.get(i));
                        out.append("\",");
                    }
                    out.append('}');
                }
                out.append(' ');
                value(out, s);
                if (s.timestampMs != null) {
                    out.append(' ').append(s.timestampMs.longValue());
                }
                out.append('\n');
            }
        }
        if (!omFamilies.isEmpty()) {
            write004(out, Collections.enumeration(omFamilies.values()));
        }
    }

    public static void writeOpenMetrics100(StringBuilder out, Enumeration<MetricFamilySamples> families) {
        while (families.hasMoreElements()) {
            MetricFamilySamples f = families.nextElement();
            out.append("# TYPE ").append(f.name).append(' ').append(typeStringOm(f.type)).append('\n');
            if (!f.unit.isEmpty()) {
                out.append("# UNIT ").append(f.name).append(' ').append(f.unit).append('\n');
            }
            out.append("# HELP ").append(f.name).append(' ');
            escapeLabelValue(out, f.help);
            out.append('\n');
            for (Sample s : f.samples) {
                out.append(s.name);
                int n = s.labelNames.size();
                if (n > 0) {
                    out.append('{');
                    for (int i = 0; i < n; i++) {
                        if (i > 0) {
                            out.append(',');
                        }
                        out.append(s.labelNames.get(i)).append("=\"");
                        escapeLabelValue(out, s.labelValues.get(i));
                        out.append('"');
                    }
                    out.append('}');
                }
                out.append(' ');
                value(out, s);
                if (s.timestampMs != null) {
                    out.append(' ');
                    omTimestamp(out, s.timestampMs);
                }
                if (s.exemplar != null) {
                    exemplar(out, s.exemplar);
                }
                out.append('\n');
            }
        }
        out.append("# EOF\n");
    }

    private static void value(StringBuilder out, Sample s) {
        if (s.labelValues instanceof ExactCounterLabels) {
            long v = ((ExactCounterLabels) s.labelValues).exactUnsigned();
            if (v >= 0) {
                out.append(v);
            } else {
                out.append(Long.toUnsignedString(v));
            }
        } else {
            goDouble(out, s.value);
        }
    }

    /** {@link Collector#doubleToGoString}, without the intermediate string for the common cases. */
    private static void goDouble(StringBuilder out, double d) {
        if (d == Double.POSITIVE_INFINITY) {
            out.append("+Inf");
        } else if (d == Double.NEGATIVE_INFINITY) {
            out.append("-Inf");
        } else {
            out.append(d); // StringBuilder.append(double) prints what Double.toString does
        }
    }

    private static void exemplar(StringBuilder out, Exemplar e) {
        out.append(" # {");
        for (int i = 0; i < e.getNumberOfLabels(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(e.getLabelName(i)).append("=\"");
            escapeLabelValue(out, e.getLabelValue(i));
            out.append('"');
        }
        out.append("} ");
        goDouble(out, e.getValue());
        if (e.getTimestampMs() != null) {
            out.append(' ');
            omTimestamp(out, e.getTimestampMs());
        }
    }

    /** Seconds with three decimals, written the way TextFormat does (also for negative times). */
    private static void omTimestamp(StringBuilder out, long timestampMs) {
        out.append(timestampMs / 1000L).append('.');
        long ms = timestampMs % 1000;
        if (ms < 100) {
            out.append('0');
        }
        if (ms < 10) {
            out.append('0');
        }
        out.append(ms);
    }

    /** 0.0.4 HELP text: backslash and newline only. */
    private static void escapeHelp004(StringBuilder out, String s) {
        int n = s.length();
        int start = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '\n') {
                out.append(s, start, i).append(c == '\\' ? "\\\\" : "\\n");
                start = i + 1;
            }
        }
        out.append(s, start, n);
    }

    /** Label values (and OpenMetrics HELP text): backslash, double quote and newline. */
    private static void escapeLabelValue(StringBuilder out, String s) {
        int n = s.length();
        int start = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '"' || c == '\n') {
                out.append(s, start, i).append(c == '\\' ? "\\\\" : c == '"' ? "\\\"" : "\\n");
                start = i + 1;
            }
        }
        out.append(s, start, n);
    }

    private static String typeString004(Collector.Type t) {
        switch (t) {
            case GAUGE:
            case STATE_SET:
            case INFO:
                return "gauge";
            case COUNTER:
                return "counter";
            case SUMMARY:
                return "summary";
            case HISTOGRAM:
            case GAUGE_HISTOGRAM:
                return "histogram";
            default:
                return "untyped";
        }
    }

    private static String typeStringOm(Collector.Type t) {
        switch (t) {
            case GAUGE:
                return "gauge";
            case COUNTER:
                return "counter";
            case SUMMARY:
                return "summary";
            case HISTOGRAM:
                return "histogram";
            case GAUGE_HISTOGRAM:
                return "gaugehistogram";
            case STATE_SET:
                return "stateset";
            case INFO:
                return "info";
            default:
                return "unknown";
        }
    }
}
