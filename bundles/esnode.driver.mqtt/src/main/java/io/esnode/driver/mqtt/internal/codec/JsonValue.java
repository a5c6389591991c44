package io.esnode.driver.mqtt.internal.codec;

import java.util.List;
import java.util.Map;

/** A parsed JSON value: just enough of JSON to pick numbers out of sensor payloads. */
public sealed interface JsonValue {

    record JsonObject(Map<String, JsonValue> members) implements JsonValue {
    }

    record JsonArray(List<JsonValue> elements) implements JsonValue {
    }

    /** A number, kept as its source text so that large integers are not rounded before they are needed. */
    record JsonNumber(String text) implements JsonValue {
        public double value() {
            return Double.parseDouble(text);
        }
    }

    record JsonString(String value) implements JsonValue {
    }

    record JsonBoolean(boolean value) implements JsonValue {
    }

    enum JsonNull implements JsonValue {
        NULL
    }

    /** A short name of the value's type for error messages. */
    default String typeName() {
        if (this instanceof JsonObject) {
            return "object";
        } else if (this instanceof JsonArray) {
            return "array";
        } else if (this instanceof JsonNumber) {
            return "number";
        } else if (this instanceof JsonString) {
            return "string";
        } else if (this instanceof JsonBoolean) {
            return "boolean";
        }
        return "null";
    }
}
