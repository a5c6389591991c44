package io.esnode.driver.mqtt.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonPathTest {
    private static final String DOC = "{\"a\": {\"b\": [10, {\"c\": 30}]}, \"odd.key\": 5, \"arr\": [[1, 2], [3, 4]]}";

    private static Optional<JsonValue> select(String path) throws DecodeException {
        return JsonPath.parse(path).select(JsonParser.parse(DOC));
    }

    @Test
    void dollarAndBareFormsAreTheSame() throws DecodeException {
        assertEquals(Optional.of(new JsonValue.JsonNumber("10")), select("$.a.b[0]"));
        assertEquals(Optional.of(new JsonValue.JsonNumber("10")), select("a.b[0]"));
        assertEquals(JsonPath.parse("$.a.b[0]"), JsonPath.parse("a.b[0]"));
    }

    @Test
    void nestedObjectInsideArray() throws DecodeException {
        assertEquals(Optional.of(new JsonValue.JsonNumber("30")), select("$.a.b[1].c"));
    }

    @Test
    void arrayOfArraysAndQuotedKey() throws DecodeException {
        assertEquals(Optional.of(new JsonValue.JsonNumber("4")), select("$.arr[1][1]"));
        assertEquals(Optional.of(new JsonValue.JsonNumber("5")), select("$['odd.key']"));
    }

    @Test
    void emptyAndDollarAreTheRoot() {
        assertTrue(JsonPath.parse("").isRoot());
        assertTrue(JsonPath.parse("$").isRoot());
        assertTrue(JsonPath.parse(null).isRoot());
    }

    @Test
    void missingMembersIndicesAndWrongTypesGiveNothing() throws DecodeException {
        assertEquals(Optional.empty(), select("$.a.x"));
        assertEquals(Optional.empty(), select("$.a.b[2]"));
        assertEquals(Optional.empty(), select("$.a[0]"));
        assertEquals(Optional.empty(), select("$.a.b.c"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"$.", "$..a", "$.a[", "$.a[-1]", "$.a[x]", "$a", "a..b"})
    void rejectsInvalidPaths(String path) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonPath.parse(path));
        assertTrue(e.getMessage().startsWith("invalid JSON path '" + path + "'"), e.getMessage());
    }
}
