package io.esnode.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.esnode.config.ConfigFileReloader.Outcome;
import io.esnode.config.internal.ConfigNames;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileReloaderTest {
    private static final String V1 = """
            [metrics]
            port = 9100

            [[drivers]]
            protocol = "mqtt"
            id = "a"
            broker_url = "tcp://127.0.0.1:1883"

            [[drivers]]
            protocol = "mqtt"
            id = "b"
            broker_url = "tcp://127.0.0.1:1884"
            qos = 1
            """;
    private static final String A = "esnode.driver.mqtt~a";
    private static final String B = "esnode.driver.mqtt~b";
    private static final String METRICS = "esnode.metrics";
    private static final String PUE = "esnode.pue~site";
    /** Always written: it switches the console's HTTP on (the runtime starts with it off). */
    private static final String HTTP = "org.apache.felix.http";

    @TempDir
    Path dir;
    private Path file;
    private final FakeConfigurationAdmin cm = new FakeConfigurationAdmin();
    private final LoaderStats stats = new LoaderStats();
    private final Map<String, String> env = new HashMap<>();
    private ConfigFileReloader reloader;
    private long mtime = 1_700_000_000_000L;
    private final AtomicLong clock = new AtomicLong(42_000L);

    @BeforeEach
    void setUp() throws IOException {
        file = dir.resolve("etc/esnode.toml");
        Files.createDirectories(file.getParent());
        reloader = new ConfigFileReloader(file, "etc/esnode.toml", cm, env::get, stats, clock::get);
    }

    /** Writes the file with a modification time 10 s after the previous write, so polls see every change. */
    private void write(Path path, String text) throws IOException {
        Files.writeString(path, text);
        mtime += 10_000;
        Files.setLastModifiedTime(path, FileTime.from(Instant.ofEpochMilli(mtime)));
    }

    private Map<String, Integer> updates() {
        return new TreeMap<>(cm.updates);
    }

    @Test
    void firstLoadCreatesOneConfigurationPerSection() throws IOException {
        write(file, V1);
        assertEquals(Outcome.APPLIED, reloader.reload());
        assertEquals(Map.of(A, 1, B, 1, METRICS, 1, PUE, 1, HTTP, 1), updates());
        Map<String, Object> a = new TreeMap<>(cm.snapshot().get(A));
        String hash = (String) a.remove(ConfigNames.HASH);
        assertEquals(64, hash.length());
        assertEquals(Map.of("id", "a", "broker_url", "tcp://127.0.0.1:1883",
                ConfigNames.SOURCE, file.toAbsolutePath().toString()), a);
        // 5 configurations: two drivers, metrics, the default site PUE and the console's HTTP defaults
        assertEquals("true 5 42000 0", stats.valid() + " " + stats.managed() + " " + stats.lastSuccessMillis() + " "
                + stats.errors());
    }

    @Test
    void editingOneDriverSectionUpdatesOnlyThatConfiguration() throws IOException {
        write(file, V1);
        reloader.reload();
        write(file, V1.replace("qos = 1", "qos = 2"));
        assertEquals(Outcome.APPLIED, reloader.reload());
        assertEquals(Map.of(A, 1, B, 2, METRICS, 1, PUE, 1, HTTP, 1), updates());
        assertEquals(2, cm.snapshot().get(B).get("qos"));
        assertEquals(List.of(), cm.deleted);
    }

    @Test
    void removingASectionDeletesItsConfigurationOnly() throws IOException {
        write(file, V1);
        reloader.reload();
        write(file, V1.replace("""
                [[drivers]]
                protocol = "mqtt"
                id = "a"
                broker_url = "tcp://127.0.0.1:1883"
                """, ""));
        assertEquals(Outcome.APPLIED, reloader.reload());
        assertEquals(List.of(A), cm.deleted);
        assertEquals(List.of(B, METRICS, PUE, HTTP), List.copyOf(cm.snapshot().keySet()));
        // only the first load updated anything
        assertEquals(Map.of(A, 1, B, 1, METRICS, 1, PUE, 1, HTTP, 1), updates());
    }

    @Test
    void configurationsWithoutThisFilesMarkerAreNeverTouched() throws IOException {
        cm.putForeign("esnode.driver.mqtt", "console-1", Map.of("id", "console-1"));
        cm.putForeign("esnode.driver.mqtt", "a", Map.of("id", "a", "broker_url", "tcp://10.0.0.1:1883"));
        cm.putForeign("esnode.driver.mqtt", "other", Map.of("id", "other", ConfigNames.SOURCE, "/elsewhere.toml"));
        write(file, V1);
        assertEquals(Outcome.APPLIED, reloader.reload());
        assertEquals("tcp://10.0.0.1:1883", cm.snapshot().get(A).get("broker_url"));
        write(file, "[[pue]]\nenabled = false\n");
        assertEquals(Outcome.APPLIED, reloader.reload());
        assertEquals(List.of(B, METRICS, PUE), cm.deleted.stream().sorted().toList());
        assertEquals(List.of(A, "esnode.driver.mqtt~console-1", "esnode.driver.mqtt~other", HTTP),
                List.copyOf(cm.snapshot().keySet()));
        assertEquals(Map.of(B, 1, METRICS, 1, PUE, 1, HTTP, 1), updates());
    }

    @Test
    void aSyntaxErrorChangesNothingAndNamesFileAndLine() throws IOException {
        write(file, V1);
        reloader.reload();
        Map<String, Map<String, Object>> before = cm.snapshot();
        write(file, V1.replace("id = \"a\"", "id = \"a"));
        assertEquals(Outcome.INVALID, reloader.reload());
        assertEquals("etc/esnode.toml:6:6: drivers[0].id: unterminated string", reloader.lastError());
        assertEquals(before, cm.snapshot());
        assertEquals(5, cm.totalUpdates());
        assertEquals(List.of(), cm.deleted);
        assertEquals("false 1", stats.valid() + " " + stats.errors());
    }

    @Test
    void aSemanticErrorChangesNothingUntilTheFileIsFixed() throws IOException {
        write(file, V1);
        reloader.reload();
        Map<String, Map<String, Object>> before = cm.snapshot();
        write(file, V1.replace("qos = 1", "qos = 7").replace("port = 9100", "port = 9200"));
        assertEquals(Outcome.INVALID, reloader.reload());
        assertEquals("etc/esnode.toml:13:7: drivers[1].qos: expected an integer 0..2, got 7", reloader.lastError());
        assertEquals(before, cm.snapshot());
        assertEquals(5, cm.totalUpdates());
        write(file, V1.replace("port = 9100", "port = 9200"));
        assertEquals(Outcome.APPLIED, reloader.reload());
        assertEquals(Map.of(A, 1, B, 1, METRICS, 2, PUE, 1, HTTP, 1), updates());
        assertEquals("true 1", stats.valid() + " " + stats.errors());
    }

    @Test
    void aMissingFileChangesNothing() throws IOException {
        write(file, V1);
        reloader.reload();
        Map<String, Map<String, Object>> before = cm.snapshot();
        Files.delete(file);
        assertEquals(Outcome.MISSING, reloader.poll());
        assertEquals(Outcome.UNCHANGED, reloader.poll());
        assertEquals(before, cm.snapshot());
        assertEquals(List.of(), cm.deleted);
        assertEquals(0, stats.errors());
    }

    @Test
    void pollReloadsOnlyWhenTheFileChanged() throws IOException {
        write(file, V1);
        assertEquals(Outcome.APPLIED, reloader.poll());
        assertEquals(Outcome.UNCHANGED, reloader.poll());
        write(file, V1.replace("port = 9100", "port = 9101"));
        assertEquals(Outcome.APPLIED, reloader.poll());
        assertEquals(Outcome.UNCHANGED, reloader.poll());
        assertEquals(Map.of(A, 1, B, 1, METRICS, 2, PUE, 1, HTTP, 1), updates());
    }

    @Test
    void aRotatedSecretFileReconfiguresItsDriver() throws IOException {
        Path secret = file.resolveSibling("mqtt.pw");
        write(secret, "first\n");
        write(file, V1.replace("qos = 1", "qos = 1\npassword = \"${file:mqtt.pw}\""));
        assertEquals(Outcome.APPLIED, reloader.poll());
        assertEquals("first", cm.snapshot().get(B).get("password"));
        write(secret, "second\n");
        assertEquals(Outcome.APPLIED, reloader.poll());
        assertEquals("second", cm.snapshot().get(B).get("password"));
        assertEquals(Map.of(A, 1, B, 2, METRICS, 1, PUE, 1, HTTP, 1), updates());
    }

    @Test
    void anUnsetVariableIsAnErrorWithoutTheValue() throws IOException {
        write(file, V1.replace("qos = 1", "password = \"${MQTT_PASSWORD}\""));
        assertEquals(Outcome.INVALID, reloader.reload());
        assertEquals("etc/esnode.toml:13:12: drivers[1].password: environment variable MQTT_PASSWORD is not set",
                reloader.lastError());
        assertEquals(Map.of(), cm.snapshot());
        env.put("MQTT_PASSWORD", "pw");
        assertEquals(Outcome.APPLIED, reloader.reload());
        assertEquals("pw", cm.snapshot().get(B).get("password"));
    }

    @Test
    void aConfigAdminFailureIsRetriedAtTheNextPoll() throws IOException {
        write(file, V1);
        cm.failUpdates = true;
        assertEquals(Outcome.FAILED, reloader.poll());
        assertEquals("etc/esnode.toml: Config Admin refused the configuration: java.io.IOException: disk full",
                reloader.lastError());
        assertEquals(Outcome.FAILED, reloader.poll());
        cm.failUpdates = false;
        assertEquals(Outcome.APPLIED, reloader.poll());
        assertEquals(Map.of(A, 1, B, 1, METRICS, 1, PUE, 1, HTTP, 1), updates());
        assertEquals("true 2", stats.valid() + " " + stats.errors());
    }

    @Test
    void theSameErrorIsLoggedOncePerMinuteButCountedEveryTime() throws IOException {
        write(file, "a = 1\na = 2\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            reloader.reload();
            clock.addAndGet(30_000);
            reloader.reload();
            clock.addAndGet(31_000); // 61 s after the first line
            reloader.reload();
        } finally {
            System.setErr(original);
        }
        String line = "ERROR io.esnode.config.ConfigFileReloader - etc/esnode.toml:2:1: a: duplicate key (first defined "
                + "at line 1) -- nothing applied, the last good configuration stays active";
        assertEquals(List.of(line, line + " (1 repeats not logged)"),
                err.toString(StandardCharsets.UTF_8).lines().map(l -> l.substring(l.indexOf("ERROR"))).toList());
        assertEquals(3, stats.errors());
    }
}
