package io.esnode.driver.mqtt.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonParserTest {

    @Test
    void parsesNestedObjectsArraysAndScalars() throws DecodeException {
        JsonValue v = JsonParser.parse(" {\"a\": {\"b\": [1, -2.5e1, \"x\\u00e9\\n\"]}, \"t\": true, \"f\": false, \"n\": null} ");
        JsonValue.JsonObject o = (JsonValue.JsonObject) v;
        JsonValue.JsonArray b = (JsonValue.JsonArray) ((JsonValue.JsonObject) o.members().get("a")).members().get("b");
        assertEquals(List.of(new JsonValue.JsonNumber("1"), new JsonValue.JsonNumber("-2.5e1"),
                new JsonValue.JsonString("x\u00e9\n")), b.elements());
        assertEquals(-25.0, ((JsonValue.JsonNumber) b.elements().get(1)).value());
        assertEquals(new JsonValue.JsonBoolean(true), o.members().get("t"));
        assertEquals(new JsonValue.JsonBoolean(false), o.members().get("f"));
        assertEquals(JsonValue.JsonNull.NULL, o.members().get("n"));
    }

    @Test
    void emptyContainers() throws DecodeException {
        assertEquals(new JsonValue.JsonObject(Map.of()), JsonParser.parse("{}"));
        assertEquals(new JsonValue.JsonArray(List.of()), JsonParser.parse("[ ]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"a\" 1}", "{\"a\":1,}", "[1,]", "01", "1.", "-", "1e", "tru", "\"abc",
        "{\"a\":1} x", "{'a':1}", "\"\\x\"", "nul", "[1 2]", "\"tab\there\""})
    void rejectsMalformedJson(String text) {
        DecodeException e = assertThrows(DecodeException.class, () -> JsonParser.parse(text));
        assertTrue(e.getMessage().startsWith("not JSON: "), e.getMessage());
    }

    @Test
    void rejectsNestingBeyondTheLimit() {
        String deep = "[".repeat(JsonParser.MAX_DEPTH + 2) + "]".repeat(JsonParser.MAX_DEPTH + 2);
        DecodeException e = assertThrows(DecodeException.class, () -> JsonParser.parse(deep));
        assertTrue(e.getMessage().contains("nesting deeper than 64"), e.getMessage());
    }
}
