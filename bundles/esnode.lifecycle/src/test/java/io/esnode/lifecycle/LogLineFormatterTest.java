package io.esnode.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class LogLineFormatterTest {
    private final LogLineFormatter formatter = new LogLineFormatter();

    private static LogRecord record(Level level, String message, Object... params) {
        LogRecord r = new LogRecord(level, message);
        r.setLoggerName("io.esnode.core.LatestReadingStore");
        r.setMillis(1_796_320_800_123L); // 2026-12-03T18:00:00.123Z
        r.setParameters(params.length == 0 ? null : params);
        return r;
    }

    @Test
    void infoLineHasUtcTimestampPaddedLevelLoggerAndMessage() {
        assertEquals("2026-12-03T18:00:00.123Z INFO  [io.esnode.core.LatestReadingStore] store ready"
                + System.lineSeparator(), formatter.format(record(Level.INFO, "store ready")));
    }

    @Test
    void julLevelsAreWrittenWithSlf4jNames() {
        assertEquals("2026-12-03T18:00:00.123Z WARN  [io.esnode.core.LatestReadingStore] x" + System.lineSeparator(),
                formatter.format(record(Level.WARNING, "x")));
        assertEquals("2026-12-03T18:00:00.123Z ERROR [io.esnode.core.LatestReadingStore] x" + System.lineSeparator(),
                formatter.format(record(Level.SEVERE, "x")));
        assertEquals("2026-12-03T18:00:00.123Z DEBUG [io.esnode.core.LatestReadingStore] x" + System.lineSeparator(),
                formatter.format(record(Level.FINE, "x")));
        assertEquals("2026-12-03T18:00:00.123Z TRACE [io.esnode.core.LatestReadingStore] x" + System.lineSeparator(),
                formatter.format(record(Level.FINEST, "x")));
    }

    @Test
    void julParametersAreFilledIn() {
        assertEquals("2026-12-03T18:00:00.123Z INFO  [io.esnode.core.LatestReadingStore] port 9100"
                + System.lineSeparator(), formatter.format(record(Level.INFO, "port {0}", "9100")));
    }

    @Test
    void thrownIsAppendedAfterTheLine() {
        LogRecord r = record(Level.SEVERE, "failed");
        r.setThrown(new IllegalStateException("boom"));
        String text = formatter.format(r);
        String first = "2026-12-03T18:00:00.123Z ERROR [io.esnode.core.LatestReadingStore] failed"
                + System.lineSeparator() + "java.lang.IllegalStateException: boom";
        assertTrue(text.startsWith(first), text);
    }
}
