package io.esnode.console.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyValuesTest {

    @Test
    void valuesAreTypedAndRepeatedKeysBecomeArrays() {
        Map<String, Object> p = KeyValues.parse(List.of("broker_url=tcp://127.0.0.1:1883", "qos=1",
                "keep_alive=2.5", "clean_session=false", "client_id=\"007\"",
                "points=name=a;topic=t/a;quantity=power;unit=W", "points=name=b;topic=t/b", "big=12345678901"));
        assertEquals("tcp://127.0.0.1:1883", p.get("broker_url"));
        assertEquals(Integer.valueOf(1), p.get("qos"));
        assertEquals(Double.valueOf(2.5), p.get("keep_alive"));
        assertEquals(Boolean.FALSE, p.get("clean_session"));
        assertEquals("007", p.get("client_id"));
        assertEquals(Long.valueOf(12345678901L), p.get("big"));
        assertArrayEquals(new String[] {"name=a;topic=t/a;quantity=power;unit=W", "name=b;topic=t/b"},
                (String[]) p.get("points"));
        assertEquals(List.of("broker_url", "qos", "keep_alive", "clean_session", "client_id", "points", "big"),
                List.copyOf(p.keySet()));
    }

    @Test
    void pointsIsAnArrayEvenOnce() {
        Map<String, Object> p = KeyValues.parse(List.of("points=name=a;topic=t", "topics=x/#"));
        assertArrayEquals(new String[] {"name=a;topic=t"}, (String[]) p.get("points"));
        assertArrayEquals(new String[] {"x/#"}, (String[]) p.get("topics"));
    }

    @Test
    void blankAndCommentLinesOfTheFormAreSkipped() {
        assertEquals(Map.of("qos", 2), Map.copyOf(KeyValues.parse(List.of("", "  # note", " qos = 2 "))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "qos|expected key=value, got 'qos'",
        "=1|expected key=value, got '=1'",
        "9x=1|invalid key '9x' (letters, digits, _ . -)",
        "id=x|key 'id' is set by the console, not by hand",
        "esnode.restart=3|key 'esnode.restart' is set by the console, not by hand"})
    void badArgumentsGiveOneLineErrors(String argument, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KeyValues.parse(List.of(argument)));
        assertEquals(message, e.getMessage());
    }

    @Test
    void anArgumentWithoutEqualsIsShownOnlyByItsStart() {
        // a password typed without its key must not be echoed whole
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KeyValues.parse(List.of("hunter2secret")));
        assertEquals("expected key=value, got 'hun…'", e.getMessage());
    }
}
