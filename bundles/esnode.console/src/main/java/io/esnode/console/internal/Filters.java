package io.esnode.console.internal;

/** Escapes values put into LDAP filters (RFC 1960: backslash, asterisk and parentheses). */
public final class Filters {
    private Filters() {
    }

    public static String escape(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '*' || c == '(' || c == ')') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
