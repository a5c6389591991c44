package io.esnode.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** GETs /metrics until every expected line is present, keeping the last body for failure messages. */
final class Scraper {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI uri;
    private volatile String last = "(no scrape answered yet)";

    Scraper(int port) {
        uri = URI.create("http://127.0.0.1:" + port + "/metrics");
    }

    String scrape() throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        last = "HTTP " + r.statusCode() + "\n" + r.body();
        return r.statusCode() == 200 ? r.body() : "";
    }

    /** The expected lines still missing after polling up to {@code timeoutMillis} (empty = all found). */
    List<String> awaitLines(Collection<String> expected, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        List<String> missing = List.copyOf(expected);
        while (true) {
            try {
                List<String> lines = scrape().lines().collect(Collectors.toList());
                missing = expected.stream().filter(e -> !lines.contains(e)).collect(Collectors.toList());
            } catch (IOException e) {
                last = "(scrape failed: " + e + ")";
            }
            if (missing.isEmpty() || System.currentTimeMillis() >= deadline) {
                return missing;
            }
            Thread.sleep(250);
        }
    }

    String last() {
        return last;
    }
}
