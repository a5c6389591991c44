package io.esnode.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Felix Web Console's Bundles page as a browser uses it: {@code bundles.json} for the list and the multipart
 * install form ({@code action=install}, {@code bundlefile}, {@code bundlestart}) for installing or updating a jar.
 */
final class WebConsoleClient {
    /** One entry of {@code bundles.json}'s {@code data} array (flat objects, no nesting). */
    record BundleInfo(long id, String symbolicName, String version, String state) {
    }

    private static final Pattern ENTRY = Pattern.compile("\\{\"id\":(\\d+),[^{}]*\\}");
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;
    private final String authorization;

    WebConsoleClient(int port, String user, String password) {
        base = "http://127.0.0.1:" + port + "/system/console";
        authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    List<BundleInfo> bundles() throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/bundles.json"))
                .header("Authorization", authorization).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("bundles.json: HTTP " + r.statusCode());
        }
        List<BundleInfo> bundles = new ArrayList<>();
        Matcher m = ENTRY.matcher(r.body());
        while (m.find()) {
            String entry = m.group();
            bundles.add(new BundleInfo(Long.parseLong(m.group(1)), field(entry, "symbolicName"),
                    field(entry, "version"), field(entry, "state")));
        }
        return bundles;
    }

    /** The installed bundle with this symbolic name, empty if none (or the console does not answer yet). */
    Optional<BundleInfo> bundle(String symbolicName) throws InterruptedException {
        try {
            return bundles().stream().filter(b -> b.symbolicName().equals(symbolicName)).findFirst();
        } catch (IOException notYet) {
            return Optional.empty();
        }
    }

    /**
     * POSTs the Bundles page's install form; the Web Console installs the jar, or updates the installed bundle with
     * the same symbolic name, in a background thread. Returns the HTTP status (200 for the {@code /install} URL).
     */
    int install(Path jar) throws IOException, InterruptedException {
        String boundary = "----esnode-e2e-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        formField(body, boundary, "action", "install");
        formField(body, boundary, "bundlestart", "start");
        formField(body, boundary, "bundlestartlevel", "1");
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"bundlefile\"; filename=\""
                + jar.getFileName() + "\"\r\nContent-Type: application/java-archive\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(jar));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/bundles/install"))
                .header("Authorization", authorization)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode();
    }

    private static void formField(ByteArrayOutputStream body, String boundary, String name, String value)
            throws IOException {
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private static String field(String entry, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(entry);
        return m.find() ? m.group(1) : "";
    }
}
