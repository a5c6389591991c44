package io.esnode.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The built distribution started as operators start it, {@code bin/esnode run --config FILE}, with its data and
 * log folders in the test's own directory so that runs never share Config Admin state. stdout and stderr are
 * captured in one file (stdin is a pipe, so the script switches the Gogo console off).
 */
final class Gateway implements AutoCloseable {
    private final Process process;
    private final Path output;

    Gateway(Path dist, Path config, Path dir) throws IOException {
        Path script = dist.resolve("bin/esnode");
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException(script + " is missing: build the distribution first (mvn install -pl runtime)");
        }
        output = dir.resolve("gateway.out");
        ProcessBuilder builder = new ProcessBuilder(script.toString(), "run", "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        // the JVM that runs the build (Java 17), whatever JAVA_HOME the caller has
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("ESNODE_DATA_DIR", dir.resolve("data").toString());
        builder.environment().put("ESNODE_LOG_DIR", dir.resolve("logs").toString());
        process = builder.start();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Sends SIGTERM (bin/esnode execs java, so it reaches the JVM) and waits; the exit code, or null on timeout. */
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
