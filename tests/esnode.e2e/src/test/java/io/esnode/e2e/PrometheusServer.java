package io.esnode.e2e;

import io.esnode.testkit.FreePort;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus (Debian's /usr/bin/prometheus) on a free loopback port that scrapes one target every second
 * as job {@code esnode} and evaluates the given rule file every second; its TSDB lives in the test's directory.
 */
final class PrometheusServer implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/prometheus");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final int port = FreePort.find();
    private final Path output;
    private final Process process;

    PrometheusServer(Path dir, int targetPort, Path ruleFile) throws IOException {
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, String.join("\n",
                "global:",
                "  scrape_interval: 1s",
                "  scrape_timeout: 1s",
                "  evaluation_interval: 1s",
                "rule_files:",
                "  - " + ruleFile.toAbsolutePath().normalize(),
                "scrape_configs:",
                "  - job_name: esnode",
                "    static_configs:",
                "      - targets: ['127.0.0.1:" + targetPort + "']",
                ""));
        output = dir.resolve("prometheus.out");
        process = new ProcessBuilder(BINARY.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + Files.createDirectories(dir.resolve("tsdb")),
                "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    /** The {@code data.result} list of an instant query ({@code /api/v1/query}). */
    List<Object> query(String promql) throws IOException, InterruptedException {
        return MiniJson.array(data("/api/v1/query?query=" + encode(promql)).get("result"));
    }

    /** {@code /api/v1/label/<label>/values?match[]=<selector>}. */
    List<Object> labelValues(String label, String selector) throws IOException, InterruptedException {
        return MiniJson.array(get("/api/v1/label/" + label + "/values?match[]=" + encode(selector)).get("data"));
    }

    /** The {@code data.groups} list of {@code /api/v1/rules}. */
    List<Object> ruleGroups() throws IOException, InterruptedException {
        return MiniJson.array(data("/api/v1/rules").get("groups"));
    }

    private Map<String, Object> data(String pathAndQuery) throws IOException, InterruptedException {
        return MiniJson.object(get(pathAndQuery).get("data"));
    }

    private Map<String, Object> get(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        Map<String, Object> body = MiniJson.object(MiniJson.parse(r.body()));
        if (r.statusCode() != 200 || !"success".equals(body.get("status"))) {
            throw new IOException("Prometheus answered HTTP " + r.statusCode() + " to " + pathAndQuery + ": " + r.body());
        }
        return body;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, then waits; the exit code, or null on timeout. */
    Integer terminate(long timeoutMillis) throws InterruptedException {
        process.destroy();
        return process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    String output() {
        try {
            return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + output + ": " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
