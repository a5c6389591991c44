package io.esnode.pue.internal;

/** {@code *} matches any run of characters (also none); every other character matches itself. */
final class Glob {
    private Glob() {
    }

    static boolean matches(String pattern, String s) {
        int p = 0;
        int i = 0;
        int star = -1;
        int resume = 0;
        while (i < s.length()) {
            if (p < pattern.length() && pattern.charAt(p) != '*' && pattern.charAt(p) == s.charAt(i)) {
                p++;
                i++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = i;
            } else if (star >= 0) {
                p = star + 1;
                i = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
