package io.esnode.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.StreamHandler;
import org.junit.jupiter.api.Test;

class ShutdownSafeHandlerTest {
    @Test
    void recordsBelowTheLevelAreDroppedAndOthersWrittenAtOnce() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamHandler target = new StreamHandler(out, new java.util.logging.SimpleFormatter() {
            @Override
            public String format(LogRecord r) {
                return r.getLevel() + ":" + r.getMessage() + "\n";
            }
        });
        target.setLevel(Level.ALL);
        ShutdownSafeHandler handler = new ShutdownSafeHandler(target, true);
        handler.setLevel(Level.INFO);

        handler.publish(new LogRecord(Level.FINE, "hidden"));
        handler.publish(new LogRecord(Level.INFO, "shown"));
        // no flush() call: publish flushes, so a crash right after still leaves the line on disk
        assertEquals("INFO:shown\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aRunningJvmIsNotShuttingDown() {
        assertFalse(ShutdownSafeHandler.jvmShuttingDown());
    }
}
