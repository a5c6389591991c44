package io.esnode.lifecycle;

import java.util.Locale;
import java.util.logging.Level;

/** Parses a level name as SLF4J writes it (TRACE … ERROR) or as java.util.logging does (FINEST … SEVERE). */
final class LogLevels {
    private LogLevels() {
    }

    static Level parse(String name) {
        if (name == null || name.isBlank()) {
            return Level.INFO;
        }
        switch (name.trim().toUpperCase(Locale.ROOT)) {
            case "TRACE":
                return Level.FINEST;
            case "DEBUG":
                return Level.FINE;
            case "WARN":
                return Level.WARNING;
            case "ERROR":
                return Level.SEVERE;
            default:
                return Level.parse(name.trim().toUpperCase(Locale.ROOT));
        }
    }
}
