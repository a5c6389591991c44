package io.esnode.driver.mqtt;

import java.util.List;
import java.util.stream.Collectors;

/** Asserts that a driver left no thread behind: neither ours ({@code esnode-mqtt-<id>…}) nor Paho's ({@code MQTT …}). */
final class ThreadCheck {
    private ThreadCheck() {
    }

    static List<String> threadsOf(String driverId, String clientId) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith("esnode-mqtt-" + driverId + "-")
                        || (n.startsWith("MQTT") && n.endsWith(": " + clientId)))
                .collect(Collectors.toList());
    }

    /** Every live thread named like a driver pool thread or a Paho thread, of any driver. */
    static List<String> anyDriverOrPahoThread() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith("esnode-mqtt-") || n.startsWith("MQTT"))
                .collect(Collectors.toList());
    }

    static void assertNoThreadsLeft(String driverId, String clientId) {
        long deadline = System.currentTimeMillis() + 2000;
        List<String> left = threadsOf(driverId, clientId);
        while (!left.isEmpty() && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            left = threadsOf(driverId, clientId);
        }
        if (!left.isEmpty()) {
            throw new AssertionError("threads survived the driver " + driverId + ": " + left);
        }
    }
}
