package io.esnode.driver.mqtt.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PayloadDecoderTest {

    private static double value(String payload, String path) throws DecodeException {
        return new PayloadDecoder(payload.getBytes(StandardCharsets.UTF_8)).valueAt(JsonPath.parse(path));
    }

    private static String error(String payload, String path) {
        return assertThrows(DecodeException.class, () -> value(payload, path)).getMessage();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"t\": 23.5}|$.t|23.5",
        "{\"t\": \"23.5\"}|t|23.5",
        "{\"t\": \" -4e2 \"}|t|-400",
        "{\"s\": {\"v\": [0, 7]}}|$.s.v[1]|7",
        "{\"on\": true}|on|1",
        "{\"on\": false}|on|0",
        "{\"on\": \"true\"}|on|1",
        "23.5||23.5",
        "' -0.25 '||-0.25",
        "+3||3",
        "true||1",
        "false|$|0",
        "\"12\"||12",
        "[1, 2.5]|$[1]|2.5"})
    void decodesNumbersStringsAndBooleans(String payload, String path, double expected) throws DecodeException {
        assertEquals(expected, value(payload, path));
    }

    @Test
    void oneMessageServesSeveralPaths() throws DecodeException {
        PayloadDecoder d = new PayloadDecoder("{\"t\": 21, \"h\": \"45.5\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(21.0, d.valueAt(JsonPath.parse("t")));
        assertEquals(45.5, d.valueAt(JsonPath.parse("h")));
    }

    @Test
    void notJson() {
        assertEquals("not JSON: unexpected character 'h' at offset 0", error("hello", "$.t"));
        assertEquals("not JSON: invalid literal at offset 0", error("nope", "$.t"));
        assertEquals("not JSON: unexpected end of input at offset 0", error("", ""));
    }

    @Test
    void invalidUtf8() {
        byte[] bad = {'{', '"', 't', '"', ':', '1', (byte) 0xff, '}'};
        assertEquals("payload is not valid UTF-8",
                assertThrows(DecodeException.class, () -> new PayloadDecoder(bad).valueAt(JsonPath.parse("t")))
                        .getMessage());
    }

    @Test
    void missingPathAndNonNumbers() {
        assertEquals("path $.x not found", error("{\"t\": 1}", "$.x"));
        assertEquals("value at t is a string that is not a number", error("{\"t\": \"warm\"}", "t"));
        assertEquals("value at t is null, not a number", error("{\"t\": null}", "t"));
        assertEquals("value at t is object, not a number", error("{\"t\": {}}", "t"));
        assertEquals("value at $ is object, not a number", error("{\"t\": 1}", ""));
        assertEquals("value at t is a string that is not a number", error("{\"t\": \"NaN\"}", "t"));
        assertEquals("value at t is out of range", error("{\"t\": 1e999}", "t"));
    }

    @Test
    void oversizedPayloadIsRejectedBeforeDecoding() {
        byte[] big = new byte[PayloadDecoder.MAX_PAYLOAD_BYTES + 1];
        assertEquals("payload of 262145 bytes exceeds 262144",
                assertThrows(DecodeException.class, () -> new PayloadDecoder(big).valueAt(JsonPath.ROOT)).getMessage());
    }
}
