package io.esnode.driver.modbus.internal.transport;

import java.util.Set;

/**
 * Serial line settings.
 *
 * @param port     device path ({@code /dev/ttyUSB0}) or name ({@code COM3})
 * @param baudRate bits per second
 * @param dataBits 7 or 8
 * @param parity   none, even or odd
 * @param stopBits 1 or 2
 */
public record SerialSettings(String port, int baudRate, int dataBits, String parity, int stopBits) {
    public SerialSettings {
        if (port == null || port.isBlank()) {
            throw new IllegalArgumentException("serial_port is required for transport rtu");
        }
        if (baudRate < 300 || baudRate > 4_000_000) {
            throw new IllegalArgumentException("baud_rate " + baudRate + " is outside 300..4000000");
        }
        if (dataBits != 7 && dataBits != 8) {
            throw new IllegalArgumentException("data_bits " + dataBits + " must be 7 or 8");
        }
        if (!Set.of("none", "even", "odd").contains(parity)) {
            throw new IllegalArgumentException("parity '" + parity + "' must be none, even or odd");
        }
        if (stopBits != 1 && stopBits != 2) {
            throw new IllegalArgumentException("stop_bits " + stopBits + " must be 1 or 2");
        }
    }

    /**
     * The silent interval that separates RTU frames: 3.5 characters of 11 bits, and 1.75 ms above 19200 baud as
     * the specification fixes it; never below 2 ms here, since the OS adds its own latency.
     */
    public long interFrameNanos() {
        if (baudRate > 19200) {
            return 2_000_000L;
        }
        return Math.max(2_000_000L, 38_500_000_000L / baudRate);
    }
}
