package io.esnode.console.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Text forms shared by the Gogo commands and the web page. */
public final class Format {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private Format() {
    }

    /** Epoch milliseconds as UTC time, "-" for 0 (never). */
    public static String time(long epochMillis) {
        return epochMillis <= 0 ? "-" : UTC.format(Instant.ofEpochMilli(epochMillis));
    }

    /** An age: 850ms, 12.3s, 4m05s, 2h10m. */
    public static String age(long millis) {
        if (millis < 0) {
            return "-";
        }
        if (millis < 1000) {
            return millis + "ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        long s = millis / 1000;
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }

    /** A value without a needless ".0" and without exponent for ordinary magnitudes; "-" for NaN. */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.4f", v);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    public static String millis(double ms) {
        return Double.isNaN(ms) ? "-" : String.format(Locale.ROOT, "%.1fms", ms);
    }

    /** connect=2 decode=1, or "-" when there were none. */
    public static String errors(Map<String, Long> byKind) {
        if (byKind.isEmpty()) {
            return "-";
        }
        return byKind.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    /** {rack=r1,site=a}, empty for no labels. */
    public static String labels(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return "";
        }
        return labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }
}
