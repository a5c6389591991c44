package io.esnode.driver.modbus.internal.codec;

import java.util.Locale;

/**
 * Byte and word order of a multi-byte value, named by where the bytes A (most significant) … D arrive:
 * ABCD big endian (Modbus default), CDAB words swapped, BADC bytes swapped inside each word, DCBA little endian.
 * For 64-bit values the same rule applies to four words: CDAB reverses the word order, DCBA reverses all bytes.
 */
public enum WordOrder {
    ABCD(false, false), CDAB(true, false), BADC(false, true), DCBA(true, true);

    private final boolean reverseWords;
    private final boolean swapBytes;

    WordOrder(boolean reverseWords, boolean swapBytes) {
        this.reverseWords = reverseWords;
        this.swapBytes = swapBytes;
    }

    public boolean reversesWords() {
        return reverseWords;
    }

    public boolean swapsBytes() {
        return swapBytes;
    }

    public static WordOrder parse(String s) {
        String n = s.trim().toUpperCase(Locale.ROOT);
        switch (n) {
            case "ABCD": case "BIG": case "BIG_ENDIAN": return ABCD;
            case "CDAB": case "WORD_SWAP": return CDAB;
            case "BADC": case "BYTE_SWAP": return BADC;
            case "DCBA": case "LITTLE": case "LITTLE_ENDIAN": return DCBA;
            default: throw new IllegalArgumentException("order '" + s + "' is not ABCD, CDAB, BADC or DCBA");
        }
    }
}
