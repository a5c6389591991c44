package io.esnode.console.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/** The user and password of an HTTP {@code Authorization: Basic …} header (RFC 7617). */
public record BasicCredentials(String user, String password) {

    @Override
    public String toString() {
        return "BasicCredentials[" + user + ", ****]";
    }

    /** Null when the header is absent, not Basic, or malformed. */
    public static BasicCredentials parse(String header) {
        if (header == null) {
            return null;
        }
        String h = header.strip();
        if (h.length() < 6 || !h.substring(0, 6).toLowerCase(Locale.ROOT).equals("basic ")) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(h.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        return new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1));
    }
}
