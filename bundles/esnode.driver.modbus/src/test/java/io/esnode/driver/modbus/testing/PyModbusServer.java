package io.esnode.driver.modbus.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The pymodbus server of {@code modbus_server.py} (Debian {@code python3-pymodbus}, run with {@code /usr/bin/python3})
 * as a child process; {@link #close()} kills it.
 */
public final class PyModbusServer implements AutoCloseable {
    public static final String PYTHON = "/usr/bin/python3";
    private final Process process;
    private final Path log;

    private PyModbusServer(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** True when Debian's python3 can import pymodbus (and serial_asyncio, which its server module needs). */
    public static boolean available() {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import pymodbus.server, serial_asyncio")
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Modbus TCP ({@code tcp}) or RTU frames over TCP ({@code rtu-tcp}) on a loopback port; waits until it listens. */
    public static PyModbusServer tcp(String mode, int port) throws IOException {
        PyModbusServer s = start(List.of(mode, String.valueOf(port)));
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return s;
            } catch (IOException e) {
                if (!s.process.isAlive()) {
                    break;
                }
                Await.sleep(50);
            }
        }
        String out = s.output();
        s.close();
        throw new IOException("pymodbus server did not listen on " + port + ": " + out);
    }

    /** RTU on a serial device (one end of a socat pty pair). */
    public static PyModbusServer serial(Path device, int baud) throws IOException {
        PyModbusServer s = start(List.of("serial", device.toString(), String.valueOf(baud)));
        Await.sleep(300);
        if (!s.process.isAlive()) {
            throw new IOException("pymodbus serial server ended: " + s.output());
        }
        return s;
    }

    private static PyModbusServer start(List<String> args) throws IOException {
        Path script = Files.createTempFile("esnode-modbus-server", ".py");
        try (InputStream in = PyModbusServer.class.getResourceAsStream("/modbus_server.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        Path log = Files.createTempFile("esnode-modbus-server", ".log");
        List<String> cmd = new ArrayList<>(List.of(PYTHON, script.toString()));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        script.toFile().deleteOnExit();
        log.toFile().deleteOnExit();
        return new PyModbusServer(p, log);
    }

    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
