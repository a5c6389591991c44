package io.esnode.driver.mqtt.internal.transport;

/** The protocol level spoken to the broker. */
public enum MqttVersion {
    V5("5"), V3_1_1("3.1.1");

    private final String text;

    MqttVersion(String text) {
        this.text = text;
    }

    /** Accepts {@code 5} / {@code 5.0} and {@code 3.1.1} / {@code 3} / {@code 4} (its protocol level). */
    public static MqttVersion parse(String s) {
        String v = s == null ? "" : s.trim();
        switch (v) {
            case "": case "5": case "5.0": return V5;
            case "3.1.1": case "3": case "4": case "311": return V3_1_1;
            default: throw new IllegalArgumentException("mqtt_version must be 5 or 3.1.1, not '" + s + "'");
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
