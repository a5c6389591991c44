package io.esnode.config.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stable SHA-256 over property keys, value types and values (keys sorted, every part length-prefixed so no two
 * different maps hash alike by concatenation). The input contains resolved secrets: never log it.
 */
public final class ConfigHash {
    private ConfigHash() {
    }

    public static String sha256(Map<String, Object> properties) {
        StringBuilder canonical = new StringBuilder();
        new TreeMap<>(properties).forEach((key, value) -> {
            part(canonical, key);
            if (value instanceof Object[] array) {
                part(canonical, value.getClass().getComponentType().getSimpleName() + "[]");
                part(canonical, Integer.toString(array.length));
                for (Object element : array) {
                    part(canonical, String.valueOf(element));
                }
            } else {
                part(canonical, value.getClass().getSimpleName());
                part(canonical, String.valueOf(value));
            }
        });
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static void part(StringBuilder sb, String s) {
        sb.append(s.length()).append(':').append(s).append(';');
    }
}
