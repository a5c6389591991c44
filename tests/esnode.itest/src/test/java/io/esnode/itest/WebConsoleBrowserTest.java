package io.esnode.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.esnode.api.DriverState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The Felix Web Console with the ESNODE plugin on Jetty, secured by the console's provider: the generated
 * password (printed once, stored hashed), 401 without or with wrong credentials (admin/admin included, counted in
 * esnode_console_auth_failures_total), and a real headless Chromium that sees a running driver's state, points and
 * PUE, creates a driver through the form, disables and enables one, and takes the screenshot for docs/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebConsoleBrowserTest {
    private static final String PASSWORD = "itest-Console-Pa55";
    private static final String PAGE = "/system/console/esnode";
    private static BundleContext context;
    private static ConfigurationAdmin cm;
    private static Mosquitto broker;
    private static Scrape scrape;
    private static int httpPort;

    @BeforeAll
    static void start() throws Exception {
        context = FrameworkUtil.getBundle(WebConsoleBrowserTest.class).getBundleContext();
        assumeTrue(ItestSupport.bundle(context, "org.apache.felix.webconsole") != null, "runs in console.bndrun");
        assumeTrue(Files.isExecutable(Path.of(Mosquitto.BINARY)), "Debian mosquitto is not installed");
        assumeTrue(Files.isExecutable(Path.of(WebDriverClient.CHROMEDRIVER))
                && Files.isExecutable(Path.of(WebDriverClient.CHROMIUM)), "Debian chromium and chromium-driver are not installed");
        broker = Mosquitto.start();
        cm = ItestSupport.service(context, ConfigurationAdmin.class);
        int metricsPort = Mosquitto.freePort();
        scrape = new Scrape(metricsPort);
        cm.getConfiguration("esnode.metrics", "?").update(ItestSupport.props("bind_address", "127.0.0.1", "port", metricsPort));
        httpPort = Mosquitto.freePort();
        cm.getConfiguration("org.apache.felix.http", "?").update(ItestSupport.props(
                "org.osgi.service.http.port", httpPort, "org.apache.felix.http.host", "127.0.0.1"));
        awaitStatus(null, 401);
    }

    @AfterAll
    static void stop() throws Exception {
        if (cm != null) {
            for (String id : List.of("web1", "web2")) {
                Configuration[] c = cm.listConfigurations("(id=" + id + ")");
                if (c != null) {
                    c[0].delete();
                }
            }
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Order(1)
    void firstStartGeneratesAPasswordPrintedOnceAndStoredHashed() throws Exception {
        Path hashFile = Path.of(context.getProperty("esnode.data.dir"), "console-admin.hash");
        // the framework started without an esnode.console configuration: the hash was written at first start
        assertTrue(Files.readString(hashFile).startsWith("pbkdf2-sha256$120000$"));
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new TeeStream(stdout, captured), true, StandardCharsets.UTF_8));
        try {
            Files.delete(hashFile);
            reconfigureConsole(ItestSupport.props("realm", "ESNODE", "esnode.itest", 1)); // a fresh "first start"
            reconfigureConsole(ItestSupport.props("realm", "ESNODE", "esnode.itest", 2)); // a second start
        } finally {
            System.setOut(stdout);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("ESNODE console: generated password for user 'admin': (\\S+)  \\(stored hashed in ")
                .matcher(out);
        assertTrue(m.find(), out);
        String generated = m.group(1);
        assertFalse(m.find(), "printed once, not at the second start:\n" + out);
        assertEquals(20, generated.length());
        assertFalse(Files.readString(hashFile).contains(generated), "the file holds only the hash");
        assertEquals(200, status(basic("admin", generated), PAGE));
        assertEquals(401, status(basic("admin", "admin"), PAGE));
    }

    @Test
    @Order(2)
    void aPasswordThatCannotBeHadLocksTheConsoleInsteadOfFallingBackToAdminAdmin() throws Exception {
        reconfigureConsole(ItestSupport.props("admin_password", "${env:ESNODE_ITEST_NOT_SET}"));
        assertEquals(401, status(basic("admin", "admin"), "/system/console/bundles"));
        assertEquals(401, status(basic("admin", ""), PAGE));
        assertEquals(401, status(basic("admin", "${env:ESNODE_ITEST_NOT_SET}"), PAGE));
    }

    @Test
    @Order(3)
    void noLoginAndWrongPasswordsGet401AndAreCounted() throws Exception {
        reconfigureConsole(ItestSupport.props("admin_user", "admin", "admin_password", PASSWORD));
        // the Web Console may still hold the previous provider for a moment: count only once the new one answers
        awaitStatus(basic("admin", PASSWORD), 200);
        HttpURLConnection c = connect(null, PAGE);
        assertEquals(401, c.getResponseCode());
        assertEquals("Basic realm=\"ESNODE\", charset=\"UTF-8\"", c.getHeaderField("WWW-Authenticate"));
        c.disconnect();
        assertEquals(401, status(basic("admin", "wrong"), PAGE));
        assertEquals(401, status(basic("admin", "admin"), "/system/console/bundles"), "no default credentials");
        assertEquals(200, status(basic("admin", PASSWORD), PAGE));
        assertEquals(200, status(basic("admin", PASSWORD), "/system/console/bundles"));
        // two wrong attempts since this activation (the request without credentials is not a failure)
        List<String> lines = scrape.await(Scrape.has("esnode_console_auth_failures_total 2.0"), 10_000);
        assertTrue(lines.contains("esnode_console_auth_failures_total 2.0"), Scrape.esnodeLines(lines));
        // a form post without the page's token is refused
        HttpURLConnection post = connect(basic("admin", PASSWORD), PAGE);
        post.setRequestMethod("POST");
        post.setDoOutput(true);
        post.setInstanceFollowRedirects(false);
        try (OutputStream o = post.getOutputStream()) {
            o.write("action=delete&id=web1".getBytes(StandardCharsets.US_ASCII));
        }
        assertEquals(403, post.getResponseCode());
        post.disconnect();
    }

    @Test
    @Order(4)
    void browserSeesTheDriverCreatesOneThroughTheFormAndDisablesOne() throws Exception {
        Configuration web1 = cm.getFactoryConfiguration("esnode.driver.mqtt", "web1", "?");
        web1.update(ItestSupport.props("id", "web1", "broker_url", "tcp://127.0.0.1:" + broker.port,
                "password", "do-not-show-me", "points", new String[] {
                    "name=inlet;topic=web1/rack/{rack}/temp;path=$.t;quantity=temperature;unit=F",
                    "name=rack_power;topic=web1/rack/{rack}/power;path=$.w;quantity=power;unit=W;pue_role=it",
                    "name=main_meter;topic=web1/facility;path=$.kw;quantity=power;unit=kW;pue_role=facility"}));
        ItestSupport.awaitConnected(context, "web1");
        broker.publish("web1/rack/r1/temp", "{\"t\": 77}");
        broker.publish("web1/rack/r1/power", "{\"w\": 100000}");
        broker.publish("web1/rack/r2/power", "{\"w\": 50000}");
        broker.publish("web1/facility", "{\"kw\": 240}");

        // the Configuration tab (metatype-driven) shows the PASSWORD attribute masked
        HttpURLConnection configTab = connect(basic("admin", PASSWORD), "/system/console/configMgr/esnode.driver.mqtt~web1.json");
        assertEquals(200, configTab.getResponseCode());
        String configJson = new String(configTab.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        configTab.disconnect();
        assertTrue(configJson.contains("\"password\":{\"name\":\"Password\",\"optional\":false,\"is_set\":true,"
                + "\"type\":12,\"value\":\"unmodified\"}"), configJson);
        assertFalse(configJson.contains("do-not-show-me"), configJson);
        try (WebDriverClient browser = WebDriverClient.start()) {
            browser.header("Authorization", basic("admin", PASSWORD));
            browser.open(url(PAGE));
            String drivers = awaitPage(browser, "esnode-drivers", "web1\tmqtt\ttcp://127.0.0.1:" + broker.port
                    + "\tCONNECTED\t");
            assertTrue(drivers.contains("\t3\t"), "web1 has 3 points: " + drivers);
            // 77 °F = (77 - 32) * 5 / 9 = 25 °C
            String points = awaitPage(browser, "esnode-points", "web1\tinlet\t{rack=r1}\t25\tcelsius\tGOOD");
            assertTrue(points.contains("web1\track_power\t{rack=r2}\t50000\twatts\tGOOD"), points);
            // PUE = 240 kW / (100 kW + 50 kW) = 1.6
            String pue = awaitPage(browser, "esnode-pue", "site\t1.6\t150000\t240000\tvalid");
            assertTrue(pue.contains("web1/main_meter=240000 W"), pue);
            assertFalse(browser.script("return document.body.innerHTML").contains("do-not-show-me"));

            browser.type("#esnode-create input[name=id]", "web2");
            browser.type("#esnode-create textarea[name=properties]", "broker_url=tcp://127.0.0.1:" + broker.port
                    + "\npoints=name=humidity;topic=web2/h;path=$.h;quantity=humidity;unit=%\npassword=s3cr3t");
            browser.click("#esnode-create-submit");
            String message = browser.awaitScript("return document.getElementById('esnode-message')?.textContent ?? ''",
                    "web2");
            assertEquals("created mqtt driver 'web2' (esnode.driver.mqtt~web2): CONNECTED", message);
            assertEquals(DriverState.CONNECTED, ItestSupport.driverState(context, "web2"));
            broker.publish("web2/h", "{\"h\": 40.5}");
            String humidity = awaitPage(browser, "esnode-points", "web2\thumidity\t\t40.5\tpercent\tGOOD");
            assertTrue(humidity.contains("web2\thumidity\t\t40.5\tpercent\tGOOD"), humidity);
            assertFalse(browser.script("return document.body.innerHTML").contains("s3cr3t"));
            browser.screenshot(Path.of("target", "console-esnode.png"));
            String docs = System.getenv("ESNODE_SCREENSHOT");
            if (docs != null && !docs.isBlank()) {
                browser.screenshot(Path.of(docs));
            }

            browser.click("button[data-action='disable:web1']");
            assertEquals("disabled driver 'web1' (configuration kept; 'enable web1' starts it again)",
                    browser.awaitScript("return document.getElementById('esnode-message')?.textContent ?? ''", "disabled"));
            assertEquals("DISABLED", browser.script(
                    "return document.querySelector(\"tr[data-driver='web1'] td.state\")?.textContent ?? ''"));
            assertEquals(null, ItestSupport.driverState(context, "web1"));
            browser.click("button[data-action='enable:web1']");
            assertEquals("enabled driver 'web1': CONNECTED",
                    browser.awaitScript("return document.getElementById('esnode-message')?.textContent ?? ''", "enabled"));
        }
    }

    /** Reloads the page until the table's text contains {@code expected}; returns that text. */
    private static String awaitPage(WebDriverClient browser, String table, String expected) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        String text = "";
        while (System.currentTimeMillis() < deadline) {
            browser.open(url(PAGE));
            text = browser.script("return document.getElementById('" + table + "')?.innerText ?? ''");
            if (text.contains(expected)) {
                return text;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("table " + table + " never showed '" + expected + "':\n" + text);
    }

    /** Updates esnode.console and waits until the new security provider serves the console. */
    private static void reconfigureConsole(java.util.Dictionary<String, Object> props) throws Exception {
        long before = providerServiceId();
        cm.getConfiguration("esnode.console", "?").update(props);
        long deadline = System.currentTimeMillis() + 10_000;
        while (providerServiceId() == before || providerServiceId() == -1) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the console security provider was not re-activated");
            }
            Thread.sleep(20);
        }
        awaitStatus(null, 401);
    }

    private static long providerServiceId() throws Exception {
        ServiceReference<?>[] refs = context.getServiceReferences("org.apache.felix.webconsole.spi.SecurityProvider",
                "(webconsole.security.provider.id=esnode)");
        return refs == null ? -1 : (Long) refs[0].getProperty("service.id");
    }

    private static void awaitStatus(String authorization, int expected) throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        int last = -1;
        while (System.currentTimeMillis() < deadline) {
            try {
                last = status(authorization, PAGE);
                if (last == expected) {
                    return;
                }
            } catch (IOException notYet) {
                last = -1;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("GET " + PAGE + " never answered " + expected + " (last " + last + ")");
    }

    private static int status(String authorization, String path) throws IOException {
        HttpURLConnection c = connect(authorization, path);
        try {
            int code = c.getResponseCode();
            try (InputStream in = code < 400 ? c.getInputStream() : c.getErrorStream()) {
                if (in != null) {
                    in.readAllBytes();
                }
            }
            return code;
        } finally {
            c.disconnect();
        }
    }

    private static HttpURLConnection connect(String authorization, String path) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL(url(path)).openConnection();
        c.setConnectTimeout(2_000);
        c.setReadTimeout(10_000);
        c.setInstanceFollowRedirects(false);
        if (authorization != null) {
            c.setRequestProperty("Authorization", authorization);
        }
        return c;
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + httpPort + path;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }



    /** Writes to two streams (the real stdout stays readable in the build log). */
    private static final class TeeStream extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        TeeStream(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws IOException {
            a.flush();
            b.flush();
        }
    }
}
