package io.esnode.api.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConfigTextTest {
    private static final String OWNER = "MQTT driver d1";

    @Test
    void integersInRangeParseAndOthersNameKeyAndValue() {
        assertEquals(2, ConfigText.integer(OWNER, "qos", " 2 ", 0, 2));
        assertEquals("MQTT driver d1: qos '7' is invalid: must be an integer from 0 to 2",
                assertThrows(IllegalArgumentException.class, () -> ConfigText.integer(OWNER, "qos", "7", 0, 2))
                        .getMessage());
        assertEquals("MQTT driver d1: qos 'null' is invalid: must be an integer from 0 to 2",
                assertThrows(IllegalArgumentException.class, () -> ConfigText.integer(OWNER, "qos", null, 0, 2))
                        .getMessage());
    }

    @Test
    void secondsRespectTheirBounds() {
        assertEquals(0.5, ConfigText.positiveSeconds(OWNER, "keep_alive", "0.5"));
        assertThrows(IllegalArgumentException.class, () -> ConfigText.positiveSeconds(OWNER, "keep_alive", "0"));
        // 0 is allowed when the lower bound is inclusive, 1e4 is not (upper bound exclusive)
        assertEquals(0.0, ConfigText.seconds(OWNER, "pause", "0", 0, false, 1e4, "must be >= 0"));
        assertEquals("MQTT driver d1: pause '10000' is invalid: must be >= 0", assertThrows(
                IllegalArgumentException.class, () -> ConfigText.seconds(OWNER, "pause", "10000", 0, false, 1e4,
                        "must be >= 0")).getMessage());
    }

    @Test
    void booleansAreTrueOrFalseOnly() {
        assertTrue(ConfigText.bool(OWNER, "use_tls", "TRUE"));
        assertFalse(ConfigText.bool(OWNER, "use_tls", " false"));
        assertEquals("MQTT driver d1: use_tls 'yes' is invalid: must be true or false",
                assertThrows(IllegalArgumentException.class, () -> ConfigText.bool(OWNER, "use_tls", "yes"))
                        .getMessage());
    }
}
