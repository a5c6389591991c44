package io.esnode.metrics.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Predicate;
import io.prometheus.client.SampleNameFilter;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * {@code /metrics} (and {@code /}, {@code /-/healthy}) as simpleclient's {@code HTTPServer.HTTPMetricHandler}
 * serves them: the format chosen from {@code Accept}, {@code name[]} query parameters restricting the samples,
 * gzip when accepted, no body for HEAD; but written by {@link ExpositionWriter}, so exact counters stay exact.
 */
public final class MetricsHandler implements HttpHandler {
    static final String HEALTHY = "/-/healthy";
    private static final String HEALTHY_RESPONSE = "Exporter is Healthy.";

    private final CollectorRegistry registry;
    /** Size of the last response, so the next one starts with a buffer that fits. */
    private volatile int lastLength = 1 << 16;

    public MetricsHandler(CollectorRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(HttpExchange t) throws IOException {
        try {
            byte[] body = render(t);
            if (acceptsGzip(t.getRequestHeaders().get("Accept-Encoding"))) {
                t.getResponseHeaders().set("Content-Encoding", "gzip");
                t.sendResponseHeaders(HttpURLConnection.HTTP_OK, 0);
                try (OutputStream gz = new GZIPOutputStream(t.getResponseBody())) {
                    gz.write(body);
                }
            } else {
                long length = body.length;
                if (length > 0) {
                    t.getResponseHeaders().set("Content-Length", String.valueOf(length));
                }
                if ("HEAD".equals(t.getRequestMethod())) {
                    length = -1;
                }
                t.sendResponseHeaders(HttpURLConnection.HTTP_OK, length);
                t.getResponseBody().write(body);
            }
        } finally {
            t.close();
        }
    }

    private byte[] render(HttpExchange t) {
        if (HEALTHY.equals(t.getHttpContext().getPath())) {
            return HEALTHY_RESPONSE.getBytes(StandardCharsets.UTF_8);
        }
        String contentType = TextFormat.chooseContentType(t.getRequestHeaders().getFirst("Accept"));
        t.getResponseHeaders().set("Content-Type", contentType);
        return render(contentType, SampleNameFilter.restrictToNamesEqualTo(null,
                parseQuery(t.getRequestURI().getRawQuery())));
    }

    /** One scrape: collects the registry (restricted to {@code filter} unless null) and writes it as UTF-8. */
    byte[] render(String contentType, Predicate<String> filter) {
        StringBuilder out = new StringBuilder(lastLength + (lastLength >> 3));
        ExpositionWriter.write(contentType, out, filter == null ? registry.metricFamilySamples()
                : registry.filteredMetricFamilySamples(filter));
        byte[] body = out.toString().getBytes(StandardCharsets.UTF_8);
        lastLength = Math.max(1 << 12, body.length);
        return body;
    }

    static boolean acceptsGzip(List<String> acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String header : acceptEncoding) {
            for (String encoding : header.split(",")) {
                if (encoding.trim().equalsIgnoreCase("gzip")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The values of the {@code name[]} parameters. */
    static Set<String> parseQuery(String query) {
        Set<String> names = new HashSet<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int idx = pair.indexOf('=');
                if (idx != -1 && URLDecoder.decode(pair.substring(0, idx), StandardCharsets.UTF_8).equals("name[]")) {
                    names.add(URLDecoder.decode(pair.substring(idx + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return names;
    }
}
