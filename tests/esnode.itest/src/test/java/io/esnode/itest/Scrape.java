package io.esnode.itest;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** GETs /metrics and waits for a condition on the exposition lines. */
final class Scrape {
    private final int port;

    Scrape(int port) {
        this.port = port;
    }

    List<String> lines() throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/metrics").openConnection();
        c.setConnectTimeout(2000);
        c.setReadTimeout(5000);
        try (InputStream in = c.getInputStream()) {
            if (c.getResponseCode() != 200) {
                throw new IOException("HTTP " + c.getResponseCode());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().collect(Collectors.toList());
        } finally {
            c.disconnect();
        }
    }

    /** Scrapes until {@code until} holds or the time is up; returns the last scrape. */
    List<String> await(Predicate<List<String>> until, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        List<String> last = List.of();
        while (System.currentTimeMillis() < deadline) {
            try {
                last = lines();
                if (until.test(last)) {
                    return last;
                }
            } catch (IOException notYet) {
                last = List.of("scrape failed: " + notYet);
            }
            Thread.sleep(100);
        }
        return last;
    }

    static Predicate<List<String>> has(String... lines) {
        return l -> List.of(lines).stream().allMatch(l::contains);
    }

    static String esnodeLines(List<String> lines) {
        return lines.stream().filter(s -> s.startsWith("esnode_")).collect(Collectors.joining("\n"));
    }
}
