package io.esnode.driver.modbus.internal.codec;

/**
 * Table and 0-based PDU address of a point. With {@code table} given, the address is the 0-based PDU address
 * (decimal or 0x hex). Without it, the classic 1-based notation is required: a 5- or 6-digit number whose first
 * digit names the table (0 coil, 1 discrete input, 3 input register, 4 holding register) and whose rest is the
 * 1-based register number: 30001 = input register 0, 40001 = holding register 0, 40108 = holding register 107,
 * 400108 = holding register 107.
 */
public record PointAddress(Table table, int address) {

    public PointAddress {
        if (address < 0 || address > 0xFFFF) {
            throw new IllegalArgumentException("address " + address + " is outside 0..65535");
        }
    }

    public static PointAddress parse(String tableText, String addressText) {
        if (addressText == null || addressText.isBlank()) {
            throw new IllegalArgumentException("address is missing");
        }
        String a = addressText.trim();
        if (tableText != null && !tableText.isBlank()) {
            return new PointAddress(Table.parse(tableText), number(a));
        }
        PointAddress classic = classicOrNull(a);
        if (classic == null) {
            throw new IllegalArgumentException("address '" + a + "' needs table=coil|discrete|input|holding, or the "
                    + "classic notation 0xxxx/1xxxx/3xxxx/4xxxx (e.g. 40001 = holding register 0)");
        }
        return classic;
    }

    /** The classic reading of {@code a}, or null when it is not written in that notation. */
    public static PointAddress classicOrNull(String a) {
        if ((a.length() != 5 && a.length() != 6) || !a.chars().allMatch(Character::isDigit)) {
            return null;
        }
        Table t = Table.forClassicPrefix(a.charAt(0));
        int n = Integer.parseInt(a.substring(1));
        if (t == null || n < 1 || n > 0x10000) {
            return null;
        }
        return new PointAddress(t, n - 1);
    }

    private static int number(String a) {
        try {
            return a.startsWith("0x") || a.startsWith("0X") ? Integer.parseInt(a.substring(2), 16) : Integer.parseInt(a);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("address '" + a + "' is not a number");
        }
    }
}
