package io.esnode.itest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal W3C WebDriver client for Debian's chromedriver driving headless Chromium: enough to open a page with
 * an Authorization header (through chromedriver's CDP endpoint), read text, type, click and take a screenshot.
 * Written against the protocol rather than with Selenium, whose jars are not OSGi bundles.
 */
final class WebDriverClient implements AutoCloseable {
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final String CHROMIUM = "/usr/bin/chromium";
    private static final String ELEMENT_KEY = "element-6066-11e4-a52e-4f735466cecf";
    private final Process driver;
    private final String base;
    private final String session;
    private final Path profile;

    private WebDriverClient(Process driver, String base, String session, Path profile) {
        this.driver = driver;
        this.base = base;
        this.session = session;
        this.profile = profile;
    }

    static WebDriverClient start() throws Exception {
        int port = Mosquitto.freePort();
        Path profile = Files.createTempDirectory("itest-chromium");
        Process p = new ProcessBuilder(CHROMEDRIVER, "--port=" + port, "--allowed-ips=127.0.0.1")
                .redirectErrorStream(true).redirectOutput(profile.resolve("chromedriver.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                break;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    p.destroyForcibly();
                    throw new IOException("chromedriver did not listen on " + port);
                }
                Thread.sleep(50);
            }
        }
        String base = "http://127.0.0.1:" + port;
        String args = String.join(",", List.of("\"--headless\"", "\"--no-sandbox\"", "\"--disable-gpu\"",
                "\"--disable-quic\"", "\"--no-first-run\"", "\"--disable-background-networking\"",
                "\"--disable-component-update\"", "\"--disable-sync\"", "\"--disable-dev-shm-usage\"",
                "\"--window-size=1400,1500\"", json("--user-data-dir=" + profile.resolve("profile"))));
        String created = post(base + "/session", "{\"capabilities\":{\"alwaysMatch\":{\"browserName\":\"chrome\","
                + "\"goog:chromeOptions\":{\"binary\":\"" + CHROMIUM + "\",\"args\":[" + args + "]}}}}");
        Matcher m = Pattern.compile("\"sessionId\"\\s*:\\s*\"([^\"]+)\"").matcher(created);
        if (!m.find()) {
            p.destroyForcibly();
            throw new IOException("no WebDriver session: " + created);
        }
        return new WebDriverClient(p, base, m.group(1), profile);
    }

    /** Every request of the browser from now on carries this header (Chromium DevTools Network domain). */
    void header(String name, String value) throws IOException {
        cdp("Network.enable", "{}");
        cdp("Network.setExtraHTTPHeaders", "{\"headers\":{" + json(name) + ":" + json(value) + "}}");
    }

    private void cdp(String command, String params) throws IOException {
        post(url("/goog/cdp/execute"), "{\"cmd\":" + json(command) + ",\"params\":" + params + "}");
    }

    void open(String url) throws IOException {
        post(url("/url"), "{\"url\":" + json(url) + "}");
    }

    /** Runs a script returning a string. */
    String script(String body) throws IOException {
        return stringValue(post(url("/execute/sync"), "{\"script\":" + json(body) + ",\"args\":[]}"));
    }

    /** Polls a script until its result contains {@code expected} (10 s); returns the last result. */
    String awaitScript(String body, String expected) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        String last = "";
        while (System.currentTimeMillis() < deadline) {
            try {
                last = script(body);
                if (last.contains(expected)) {
                    return last;
                }
            } catch (IOException pageNotReady) {
                last = pageNotReady.getMessage();
            }
            Thread.sleep(100);
        }
        return last;
    }

    String element(String css) throws IOException {
        String r = post(url("/element"), "{\"using\":\"css selector\",\"value\":" + json(css) + "}");
        Matcher m = Pattern.compile("\"" + ELEMENT_KEY + "\"\\s*:\\s*\"([^\"]+)\"").matcher(r);
        if (!m.find()) {
            throw new IOException("no element " + css + ": " + r);
        }
        return m.group(1);
    }

    void type(String css, String text) throws IOException {
        post(url("/element/" + element(css) + "/value"), "{\"text\":" + json(text) + "}");
    }

    void click(String css) throws IOException {
        post(url("/element/" + element(css) + "/click"), "{}");
    }

    void screenshot(Path png) throws IOException {
        String b64 = stringValue(get(url("/screenshot")));
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, Base64.getDecoder().decode(b64));
    }

    @Override
    public void close() throws Exception {
        try {
            request("DELETE", url(""), null);
        } catch (IOException ignored) {
            // the browser is ended with the driver below anyway
        }
        driver.descendants().forEach(ProcessHandle::destroy);
        driver.destroy();
        if (!driver.waitFor(5, TimeUnit.SECONDS)) {
            driver.destroyForcibly();
        }
        driver.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    private String url(String path) {
        return base + "/session/" + session + path;
    }

    private static String post(String url, String body) throws IOException {
        return request("POST", url, body);
    }

    private static String get(String url) throws IOException {
        return request("GET", url, null);
    }

    private static String request(String method, String url, String body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
        c.setRequestMethod(method);
        c.setConnectTimeout(5_000);
        c.setReadTimeout(60_000);
        if (body != null) {
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/json; charset=utf-8");
            try (OutputStream out = c.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
        }
        int code = c.getResponseCode();
        try (InputStream in = code < 400 ? c.getInputStream() : c.getErrorStream()) {
            String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (code >= 400) {
                throw new IOException("WebDriver " + method + " " + url + " -> " + code + ": " + text);
            }
            return text;
        } finally {
            c.disconnect();
        }
    }

    static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** The string of {@code "value": "…"} in a WebDriver response, unescaped; "null" when it is not a string. */
    static String stringValue(String response) {
        int i = response.indexOf("\"value\"");
        if (i < 0) {
            return "null";
        }
        i = response.indexOf(':', i) + 1;
        while (Character.isWhitespace(response.charAt(i))) {
            i++;
        }
        if (response.charAt(i) != '"') {
            return "null";
        }
        StringBuilder sb = new StringBuilder();
        for (i = i + 1; i < response.length(); i++) {
            char ch = response.charAt(i);
            if (ch == '"') {
                break;
            }
            if (ch == '\\') {
                char e = response.charAt(++i);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(response.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> sb.append(e);
                }
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
