package io.esnode.lifecycle;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * One line per record, {@code 2026-12-03T18:00:00.123Z INFO  [logger] message}, with SLF4J level names (the
 * code logs through SLF4J, so WARN reads better than WARNING); a stack trace, if any, follows on its own lines.
 */
final class LogLineFormatter extends Formatter {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(160);
        line.append(TIME.format(Instant.ofEpochMilli(record.getMillis()))).append(' ');
        String level = levelName(record.getLevel());
        line.append(level);
        for (int i = level.length(); i < 6; i++) {
            line.append(' ');
        }
        line.append('[').append(record.getLoggerName()).append("] ").append(formatMessage(record));
        line.append(System.lineSeparator());
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append(trace);
        }
        return line.toString();
    }

    static String levelName(Level level) {
        int v = level.intValue();
        if (v >= Level.SEVERE.intValue()) {
            return "ERROR";
        } else if (v >= Level.WARNING.intValue()) {
            return "WARN";
        } else if (v >= Level.INFO.intValue()) {
            return "INFO";
        } else if (v >= Level.FINE.intValue()) {
            return "DEBUG";
        }
        return "TRACE";
    }
}
