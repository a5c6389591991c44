package io.esnode.driver.mqtt;

import io.esnode.testkit.AnnotationConfig;
import java.util.Map;

/** Builds a {@link MqttDriver.Config} from configuration keys, as SCR would (missing keys take the defaults). */
public final class TestConfigs {
    private TestConfigs() {
    }

    public static MqttDriver.Config config(Map<String, ?> props) {
        return AnnotationConfig.of(MqttDriver.Config.class, props);
    }

    /** {@code key, value, key, value …} */
    public static MqttDriver.Config config(Object... keyValues) {
        return AnnotationConfig.of(MqttDriver.Config.class, keyValues);
    }
}
