package io.esnode.driver.snmp.internal.codec;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Finds the number in an OctetString such as {@code "14.250000"} or {@code "23 C"}: the first match of a pattern,
 * its group 1 when it has one. The default pattern takes the first decimal number.
 */
public final class NumberInText {
    public static final String DEFAULT_PATTERN = "[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?";
    public static final NumberInText DEFAULT = new NumberInText(Pattern.compile(DEFAULT_PATTERN));
    private static final int MAX_TEXT = 1024;

    private final Pattern pattern;

    private NumberInText(Pattern pattern) {
        this.pattern = pattern;
    }

    /** @throws IllegalArgumentException naming the pattern when it does not compile */
    public static NumberInText of(String regex) {
        if (regex == null || regex.isBlank()) {
            return DEFAULT;
        }
        try {
            return new NumberInText(Pattern.compile(regex));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("pattern '" + regex + "' is not a regular expression: " + e.getDescription());
        }
    }

    public double parse(String text) throws DecodeException {
        String t = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        Matcher m = pattern.matcher(t);
        if (!m.find()) {
            throw new DecodeException("text '" + shorten(t) + "' holds no number matching " + pattern.pattern());
        }
        String number = m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group();
        try {
            return Double.parseDouble(number.trim());
        } catch (NumberFormatException e) {
            throw new DecodeException("text '" + shorten(t) + "': '" + shorten(number) + "' is not a number");
        }
    }

    public String pattern() {
        return pattern.pattern();
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
