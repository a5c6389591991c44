package io.esnode.driver.modbus;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** Builds a {@link ModbusDriver.Config} from configuration keys, as SCR would (missing keys take the defaults). */
public final class TestConfigs {
    private TestConfigs() {
    }

    public static ModbusDriver.Config config(Map<String, ?> props) {
        Map<String, Object> values = new HashMap<>(props);
        return (ModbusDriver.Config) Proxy.newProxyInstance(ModbusDriver.Config.class.getClassLoader(),
                new Class<?>[] {ModbusDriver.Config.class}, (proxy, method, args) -> {
                    String key = method.getName().replace("__", "_");
                    switch (method.getName()) {
                        case "annotationType": return ModbusDriver.Config.class;
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
    public static ModbusDriver.Config config(Object... keyValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return config(m);
    }
}
