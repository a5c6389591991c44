package io.esnode.console.internal;

import java.util.List;
import java.util.Map;

/** The Gogo commands' output: one padded table per command. */
public final class CommandText {
    private CommandText() {
    }

    public static String drivers(List<DriverRow> rows) {
        if (rows.isEmpty()) {
            return "no drivers";
        }
        TextTable t = new TextTable("ID", "PROTOCOL", "TARGET", "STATE", "LAST SUCCESS", "LAST ERROR", "ERRORS",
                "POINTS", "LATENCY");
        for (DriverRow r : rows) {
            String state = r.state() + (r.detail().isEmpty() ? "" : " (" + r.detail() + ")");
            t.row(r.id(), r.protocol(), dash(r.target()), state, Format.time(r.lastSuccessMillis()),
                    dash(r.lastError()), Format.errors(r.errorsByKind()), r.points(), Format.millis(r.meanLatencyMillis()));
        }
        return t.toString();
    }

    public static String points(List<PointRow> rows) {
        if (rows.isEmpty()) {
            return "no readings";
        }
        TextTable t = new TextTable("DRIVER", "POINT", "LABELS", "VALUE", "UNIT", "QUALITY", "AGE");
        for (PointRow r : rows) {
            t.row(r.driver(), r.point(), Format.labels(r.labels()), Format.number(r.value()), dash(r.unit()),
                    r.quality(), Format.age(r.ageMillis()));
        }
        return t.toString();
    }

    public static String pue(List<PueRow> rows) {
        if (rows.isEmpty()) {
            return "no PUE scopes";
        }
        TextTable t = new TextTable("SCOPE", "PUE", "IT W", "FACILITY W", "STATUS", "IT INPUTS", "FACILITY INPUTS");
        for (PueRow r : rows) {
            t.row(r.scope(), Format.number(r.ratio()), Format.number(r.itWatts()), Format.number(r.facilityWatts()),
                    r.status(), inputs(r.itSelectors(), r.itInputs()), inputs(r.facilitySelectors(), r.facilityInputs()));
        }
        return t.toString();
    }

    public static String configuration(Map<String, String> shown) {
        TextTable t = new TextTable("KEY", "VALUE");
        shown.forEach(t::row);
        return t.toString();
    }

    /** Selectors, then the readings they select now: "pue_role=it -> m1/rack{rack=r1}=100 W, …". */
    static String inputs(List<String> selectors, List<String> selected) {
        return String.join(" | ", selectors) + " -> " + (selected.isEmpty() ? "none" : String.join(", ", selected));
    }

    private static String dash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }
}
