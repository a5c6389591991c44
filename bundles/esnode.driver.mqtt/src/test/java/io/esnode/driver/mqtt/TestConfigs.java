package io.esnode.driver.mqtt;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** Builds a {@link MqttDriver.Config} from configuration keys, as SCR would (missing keys take the defaults). */
public final class TestConfigs {
    private TestConfigs() {
    }

    public static MqttDriver.Config config(Map<String, ?> props) {
        Map<String, Object> values = new HashMap<>(props);
        return (MqttDriver.Config) Proxy.newProxyInstance(MqttDriver.Config.class.getClassLoader(),
                new Class<?>[] {MqttDriver.Config.class}, (proxy, method, args) -> {
                    String key = method.getName().replace("__", "_");
                    switch (method.getName()) {
                        case "annotationType": return MqttDriver.Config.class;
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
                });
    }

    /** {@code key, value, key, value …} */
    public static MqttDriver.Config config(Object... keyValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return config(m);
    }
}
