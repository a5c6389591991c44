package io.esnode.testkit;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds an instance of a DS configuration annotation ({@code @interface Config}) from configuration keys, as SCR
 * would for the keys tests use: a method {@code poll__interval()} reads key {@code poll_interval}, missing keys take
 * the annotation's defaults, a single String value stands for a one-element String[].
 */
public final class AnnotationConfig {
    private AnnotationConfig() {
    }

    public static <A> A of(Class<A> type, Map<String, ?> props) {
        Map<String, Object> values = new HashMap<>(props);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            String key = method.getName().replace("__", "_");
            switch (method.getName()) {
                case "annotationType": return type;
                case "toString": return "Config" + values.keySet();
                case "hashCode": return values.hashCode();
                case "equals": return proxy == args[0];
                default:
            }
            Object v = values.get(key);
            if (v == null) {
                return method.getDefaultValue();
            }
            if (method.getReturnType() == String[].class && v instanceof String s) {
                return new String[] {s};
            }
            return method.getReturnType() == String.class ? String.valueOf(v) : v;
        }));
    }

    /** {@code key, value, key, value …} */
    public static <A> A of(Class<A> type, Object... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("key/value pairs expected, got " + keyValues.length + " arguments");
        }
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return of(type, m);
    }
}
