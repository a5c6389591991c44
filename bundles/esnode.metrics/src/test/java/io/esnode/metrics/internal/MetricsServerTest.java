package io.esnode.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.client.CollectorRegistry;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class MetricsServerTest {

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void takenPortIsReportedAndRetriedUntilFree() throws Exception {
        CollectorRegistry registry = new CollectorRegistry();
        registry.register(new BuildInfoCollector("9.9"));
        ServerSocket squatter = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        int port = squatter.getLocalPort();
        MetricsServer server = new MetricsServer("127.0.0.1", port, registry, 100);
        try {
            server.start();
            await(() -> !server.lastError().isEmpty(), "the bind error");
            assertEquals("cannot listen on 127.0.0.1:" + port + " for /metrics: java.net.BindException: "
                    + "Address already in use; retrying every 100 ms", server.lastError());
            assertEquals(-1, server.boundPort());

            squatter.close();
            await(() -> server.boundPort() == port, "the bind after the port was freed");
            HttpResponse<String> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("# HELP esnode_build_info ESNODE Gateway build; the value is always 1\n"
                    + "# TYPE esnode_build_info gauge\n"
                    + "esnode_build_info{version=\"9.9\",} 1.0\n", r.body());
        } finally {
            squatter.close();
            server.stop();
        }
        assertEquals(-1, server.boundPort());
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                        .noneMatch(t -> t.getName().startsWith("esnode-metrics-") && t.isAlive()),
                "no esnode-metrics thread survives stop()");
    }
}
