package io.esnode.driver.mqtt.internal.codec;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns one MQTT payload into numbers: strict UTF-8, then either a bare value ({@code 23.5}, {@code true}) or JSON
 * with a path into it. Numbers may also arrive as JSON strings ({@code "23.5"}); booleans become 1 and 0. The text
 * and the parsed JSON are decoded once per message and shared by every point that reads it.
 */
public final class PayloadDecoder {
    /** Larger payloads are rejected before decoding (sensor messages are small). */
    public static final int MAX_PAYLOAD_BYTES = 256 * 1024;
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private final byte[] payload;
    private String text;
    private JsonValue json;
    private DecodeException jsonError;

    public PayloadDecoder(byte[] payload) {
        this.payload = payload;
    }

    /** The number at {@code path}, or a {@link DecodeException} saying why there is none. */
    public double valueAt(JsonPath path) throws DecodeException {
        String t = text();
        if (path.isRoot()) {
            Optional<Double> bare = scalar(t.trim());
            if (bare.isPresent()) {
                return bare.get();
            }
        }
        JsonValue selected = path.select(json()).orElseThrow(() -> new DecodeException("path " + path + " not found"));
        return toNumber(selected, path);
    }

    private static double toNumber(JsonValue v, JsonPath path) throws DecodeException {
        if (v instanceof JsonValue.JsonNumber n) {
            return finite(n.value(), path);
        }
        if (v instanceof JsonValue.JsonBoolean b) {
            return b.value() ? 1.0 : 0.0;
        }
        if (v instanceof JsonValue.JsonString s) {
            Optional<Double> d = scalar(s.value().trim());
            if (d.isPresent()) {
                return d.get();
            }
            throw new DecodeException("value at " + path + " is a string that is not a number");
        }
        throw new DecodeException("value at " + path + " is " + v.typeName() + ", not a number");
    }

    private static double finite(double d, JsonPath path) throws DecodeException {
        if (!Double.isFinite(d)) {
            throw new DecodeException("value at " + path + " is out of range");
        }
        return d;
    }

    /** A bare number or boolean (the whole text), else empty. */
    private static Optional<Double> scalar(String s) {
        if (s.equals("true")) {
            return Optional.of(1.0);
        }
        if (s.equals("false")) {
            return Optional.of(0.0);
        }
        if (s.length() <= 64 && NUMBER.matcher(s).matches()) {
            double d = Double.parseDouble(s);
            return Double.isFinite(d) ? Optional.of(d) : Optional.empty();
        }
        return Optional.empty();
    }

    private String text() throws DecodeException {
        if (text == null) {
            if (payload.length > MAX_PAYLOAD_BYTES) {
                throw new DecodeException("payload of " + payload.length + " bytes exceeds " + MAX_PAYLOAD_BYTES);
            }
            try {
                CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(payload));
                text = chars.toString();
            } catch (CharacterCodingException e) {
                throw new DecodeException("payload is not valid UTF-8");
            }
        }
        return text;
    }

    private JsonValue json() throws DecodeException {
        if (json == null && jsonError == null) {
            try {
                json = JsonParser.parse(text());
            } catch (DecodeException e) {
                jsonError = e;
            }
        }
        if (jsonError != null) {
            throw jsonError;
        }
        return json;
    }
}
