package io.esnode.driver.modbus.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Two connected pseudo terminals made by {@code socat}: a serial line without hardware. */
public final class SocatPtyPair implements AutoCloseable {
    public static final String SOCAT = "/usr/bin/socat";
    private final Process process;
    private final Path dir;
    public final Path a;
    public final Path b;

    private SocatPtyPair(Process process, Path dir) {
        this.process = process;
        this.dir = dir;
        this.a = dir.resolve("ttyA");
        this.b = dir.resolve("ttyB");
    }

    public static boolean available() {
        return Files.isExecutable(Path.of(SOCAT));
    }

    public static SocatPtyPair start() throws IOException {
        Path dir = Files.createTempDirectory("esnode-pty");
        SocatPtyPair pair = new SocatPtyPair(new ProcessBuilder(SOCAT, "pty,raw,echo=0,link=" + dir.resolve("ttyA"),
                "pty,raw,echo=0,link=" + dir.resolve("ttyB")).redirectErrorStream(true)
                .redirectOutput(dir.resolve("socat.log").toFile()).start(), dir);
        long deadline = System.currentTimeMillis() + 5000;
        while (!(Files.exists(pair.a) && Files.exists(pair.b))) {
            if (System.currentTimeMillis() > deadline || !pair.process.isAlive()) {
                pair.close();
                throw new IOException("socat did not create the pty pair");
            }
            Await.sleep(20);
        }
        return pair;
    }

    /** The real device behind a link (jSerialComm and pyserial both accept either). */
    public static Path real(Path link) throws IOException {
        return link.toRealPath();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(dir.resolve("socat.log"));
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // temp dir, left behind harmlessly
        }
    }
}
