package io.esnode.driver.snmp.internal.codec;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns DisplayString bytes into a label value: UTF-8 when the bytes are UTF-8, otherwise each invalid byte
 * becomes U+FFFD; control characters and trailing NULs are dropped and the length is capped.
 */
public final class LabelText {
    static final int MAX_LENGTH = 256;

    private LabelText() {
    }

    public static String clean(byte[] bytes) {
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] == 0) {
            end--;
        }
        String text = decode(bytes, end);
        StringBuilder sb = new StringBuilder(Math.min(text.length(), MAX_LENGTH));
        for (int i = 0; i < text.length() && sb.length() < MAX_LENGTH; i++) {
            char c = text.charAt(i);
            if (!Character.isISOControl(c)) {
                sb.append(c);
            }
        }
        return sb.toString().trim();
    }

    /** Whether the bytes are valid UTF-8 (so the label is the agent's text unchanged). */
    public static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String decode(byte[] bytes, int length) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            CharBuffer cb = d.decode(ByteBuffer.wrap(bytes, 0, length));
            return cb.toString();
        } catch (CharacterCodingException e) {
            return ""; // not reached with REPLACE
        }
    }
}
