package io.esnode.console.internal;

import java.util.Locale;

/** Which configuration keys hold secrets, and their masked form in every output of the console. */
public final class Secrets {
    public static final String MASK = "****";
    private static final String[] SECRET_WORDS = {"password", "pass", "secret", "community", "key"};

    private Secrets() {
    }

    public static boolean isSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        for (String word : SECRET_WORDS) {
            if (k.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** The value as text for display: {@link #MASK} for a secret key, arrays joined with ", ". */
    public static String display(String key, Object value) {
        if (isSecret(key)) {
            return MASK;
        }
        return text(value);
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Object[] array) {
            StringBuilder sb = new StringBuilder();
            for (Object o : array) {
                if (sb.length() > 0) {
                    sb.append(", ");
                }
                sb.append(o);
            }
            return sb.toString();
        }
        return String.valueOf(value);
    }
}
