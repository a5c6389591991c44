package io.esnode.driver.snmp.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.esnode.testkit.FreePort;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Net-SNMP {@code snmpd} on a free loopback UDP port (and a TCP one), run as the current user in the foreground with a
 * generated configuration and its persistent directory in a temporary folder. Everything below
 * {@link #ENTERPRISE} is served by a {@code pass_persist} script from a data file ({@code OID TYPE VALUE} per line)
 * that the test rewrites to change values. Clients {@code snmpget}/{@code snmpbulkwalk} run with the same
 * isolated environment (no MIBs loaded, no user configuration).
 */
public final class NetSnmpAgent implements AutoCloseable {
    public static final Path SNMPD = Path.of("/usr/sbin/snmpd");
    public static final Path SNMPGET = Path.of("/usr/bin/snmpget");
    public static final Path SNMPBULKWALK = Path.of("/usr/bin/snmpbulkwalk");
    public static final String ENTERPRISE = "1.3.6.1.4.1.99999";

    private final Path dir;
    private final int port;
    private final int tcpPort;
    private final Path data;
    private final List<String> extraConfig = new ArrayList<>();
    private Process process;

    private NetSnmpAgent(Path dir) {
        this.dir = dir;
        this.port = FreePort.findUdp();
        this.tcpPort = FreePort.find();
        this.data = dir.resolve("values.txt");
    }

    public static void assumeInstalled() {
        assumeTrue(Files.isExecutable(SNMPD) && Files.isExecutable(SNMPGET) && Files.isExecutable(SNMPBULKWALK),
                "Net-SNMP is not installed (apt-get install snmpd snmp); skipping agent tests");
    }

    public static NetSnmpAgent create(Path dir) {
        assumeInstalled();
        return new NetSnmpAgent(dir);
    }

    /** A raw snmpd.conf line, e.g. {@code rocommunity pub 127.0.0.1} or {@code createUser …}. */
    public NetSnmpAgent config(String line) {
        extraConfig.add(line);
        return this;
    }

    public int port() {
        return port;
    }

    /** The agent's TCP listener (same values). */
    public int tcpPort() {
        return tcpPort;
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    /** Replaces the served values: {@code OID TYPE VALUE} lines (types as pass_persist: gauge, counter64, …). */
    public void values(List<String> lines) throws IOException {
        Path tmp = dir.resolve("values.tmp");
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        Files.move(tmp, data, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public NetSnmpAgent start() throws IOException, InterruptedException {
        Path script = dir.resolve("pass_persist.pl");
        try (InputStream in = NetSnmpAgent.class.getResourceAsStream("/netsnmp/pass_persist.pl")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.exists(data)) {
            values(List.of());
        }
        Files.createDirectories(dir.resolve("persist"));
        Files.createDirectories(dir.resolve("client"));
        List<String> conf = new ArrayList<>();
        conf.add("agentaddress udp:127.0.0.1:" + port + ",tcp:127.0.0.1:" + tcpPort);
        conf.add("dontLogTCPWrappersConnects yes");
        conf.add("pass_persist ." + ENTERPRISE + " /usr/bin/perl " + script + " " + data + " ." + ENTERPRISE);
        conf.addAll(extraConfig);
        Path confFile = dir.resolve("snmpd.conf");
        Files.write(confFile, conf, StandardCharsets.UTF_8);
        ProcessBuilder pb = new ProcessBuilder(SNMPD.toString(), "-f", "-Lo", "-C", "-c", confFile.toString(),
                "--persistentDir=" + dir.resolve("persist"), "-p", dir.resolve("snmpd.pid").toString());
        isolate(pb.environment());
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("snmpd.log").toFile());
        process = pb.start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("snmpd exited with " + process.exitValue() + ": " + log());
            }
            if (Files.readString(dir.resolve("snmpd.log")).contains("NET-SNMP version")) {
                return this;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("snmpd did not start within 10 s: " + log());
            }
            Thread.sleep(20);
        }
    }

    public String log() throws IOException {
        Path f = dir.resolve("snmpd.log");
        return Files.exists(f) ? Files.readString(f) : "";
    }

    private void isolate(Map<String, String> env) {
        env.put("MIBS", "");
        env.put("MIBDIRS", dir.resolve("no-mibs").toString());
        env.put("SNMPCONFPATH", dir.resolve("client").toString());
        env.put("SNMP_PERSISTENT_DIR", dir.resolve("client").toString());
    }

    /** Runs a Net-SNMP client ({@code snmpget}, {@code snmpbulkwalk} …) against this agent; returns stdout lines. */
    public List<String> client(Path tool, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(tool.toString());
        cmd.add("-On");
        cmd.addAll(List.of(args));
        cmd.add(address());
        return run(cmd);
    }

    public List<String> snmpget(String community, String... oids) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("-v2c", "-c", community, "-t", "2", "-r", "1"));
        args.add(address());
        args.addAll(List.of(oids));
        return run(prefixed(SNMPGET, args));
    }

    public List<String> snmpbulkwalk(String community, String oid) throws IOException, InterruptedException {
        return run(prefixed(SNMPBULKWALK, List.of("-v2c", "-c", community, "-Cr25", address(), oid)));
    }

    private static List<String> prefixed(Path tool, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(tool.toString());
        cmd.add("-On");
        cmd.addAll(args);
        return cmd;
    }

    public List<String> run(List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        isolate(pb.environment());
        Path out = Files.createTempFile(dir, "client", ".out");
        pb.redirectErrorStream(true).redirectOutput(out.toFile());
        Process p = pb.start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("client timed out: " + cmd);
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(out, StandardCharsets.UTF_8));
        Files.delete(out);
        lines.removeIf(l -> l.startsWith("Created directory"));
        return lines;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
