package io.esnode.pue.internal;

import io.esnode.api.Reading;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One PUE selector: a comma list of terms that must all match. A term is {@code label=value} ({@code *} in the
 * value matches any run of characters) or {@code driver/point}. Besides the point's static and run-time labels, the
 * pseudo-labels {@code driver}, {@code point}, {@code pue_role} and {@code quantity} are available. As in
 * Prometheus, a label the reading lacks has the value "" (so {@code rack=} selects readings without a rack).
 */
public final class PointSelector {
    static final String DRIVER = "driver";
    static final String POINT = "point";
    static final String PUE_ROLE = "pue_role";
    static final String QUANTITY = "quantity";

    private record Term(String label, String pattern) {
    }

    private final String text;
    private final List<Term> terms;

    private PointSelector(String text, List<Term> terms) {
        this.text = text;
        this.terms = terms;
    }

    public static PointSelector parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty selector");
        }
        List<Term> terms = new ArrayList<>();
        for (String raw : text.split(",", -1)) {
            String term = raw.trim();
            int eq = term.indexOf('=');
            int slash = term.indexOf('/');
            if (eq > 0) {
                String label = term.substring(0, eq).trim();
                String value = term.substring(eq + 1).trim();
                boolean caseless = PUE_ROLE.equals(label) || QUANTITY.equals(label);
                terms.add(new Term(label, caseless ? value.toLowerCase(Locale.ROOT) : value));
            } else if (eq < 0 && slash > 0 && slash < term.length() - 1) {
                terms.add(new Term(DRIVER, term.substring(0, slash).trim()));
                terms.add(new Term(POINT, term.substring(slash + 1).trim()));
            } else {
                throw new IllegalArgumentException("selector term '" + term + "' in '" + text
                        + "' is neither label=value nor driver/point");
            }
        }
        return new PointSelector(text.trim(), List.copyOf(terms));
    }

    public boolean matches(Reading r) {
        for (Term t : terms) {
            if (QUANTITY.equals(t.label())) {
                if (!Glob.matches(t.pattern(), r.point().quantity().metricWord())
                        && !Glob.matches(t.pattern(), r.point().quantity().name().toLowerCase(Locale.ROOT))) {
                    return false;
                }
            } else if (!Glob.matches(t.pattern(), value(r, t.label()))) {
                return false;
            }
        }
        return true;
    }

    private static String value(Reading r, String label) {
        switch (label) {
            case DRIVER: return r.driverId();
            case POINT: return r.point().name();
            case PUE_ROLE: return r.point().pueRole().label();
            default:
                String v = r.point().labels().get(label);
                if (v == null) {
                    v = r.labels().get(label);
                }
                return v == null ? "" : v;
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
