package io.esnode.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;

class OsgiLogBridgeTest {
    private final List<LogRecord> records = new ArrayList<>();
    private final Logger julLogger = Logger.getLogger("org.apache.felix.scr.test");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void attach() {
        julLogger.addHandler(capture);
        julLogger.setLevel(Level.ALL);
        julLogger.setUseParentHandlers(false);
    }

    @AfterEach
    void detach() {
        julLogger.removeHandler(capture);
        julLogger.setLevel(null);
        julLogger.setUseParentHandlers(true);
    }

    /** A Log Service entry as Felix Log hands it to listeners. */
    private record Entry(String loggerName, LogLevel level, String message, Throwable exception) implements LogEntry {
        @Override
        public Bundle getBundle() {
            return null;
        }

        @Override
        public ServiceReference<?> getServiceReference() {
            return null;
        }

        @Override
        @SuppressWarnings("deprecation")
        public int getLevel() {
            return level.ordinal();
        }

        @Override
        public String getMessage() {
            return message;
        }

        @Override
        public Throwable getException() {
            return exception;
        }

        @Override
        public long getTime() {
            return 0;
        }

        @Override
        public LogLevel getLogLevel() {
            return level;
        }

        @Override
        public String getLoggerName() {
            return loggerName;
        }

        @Override
        public long getSequence() {
            return 1;
        }

        @Override
        public String getThreadInfo() {
            return "main";
        }

        @Override
        public StackTraceElement getLocation() {
            return null;
        }
    }

    @Test
    void entriesArriveInJulWithTheirLoggerLevelMessageAndException() {
        IllegalStateException failure = new IllegalStateException("activate failed");
        OsgiLogBridge.forward(new Entry("org.apache.felix.scr.test", LogLevel.ERROR, "[c(1)] activate threw", failure));
        OsgiLogBridge.forward(new Entry("org.apache.felix.scr.test", LogLevel.WARN, "[c(1)] no configuration", null));
        OsgiLogBridge.forward(new Entry("org.apache.felix.scr.test", LogLevel.AUDIT, "audit", null));

        assertEquals(3, records.size());
        assertEquals(Level.SEVERE, records.get(0).getLevel());
        assertEquals("[c(1)] activate threw", records.get(0).getMessage());
        assertSame(failure, records.get(0).getThrown());
        assertEquals(Level.WARNING, records.get(1).getLevel());
        assertEquals("[c(1)] no configuration", records.get(1).getMessage());
        assertEquals(Level.SEVERE, records.get(2).getLevel());
    }

    @Test
    void frameworkEventsArriveOnlyFromWarnUp() {
        Logger events = Logger.getLogger("Events.Bundle.esnode.core");
        events.addHandler(capture);
        events.setUseParentHandlers(false);
        try {
            OsgiLogBridge.forward(new Entry("Events.Bundle.esnode.core", LogLevel.INFO, "BundleEvent STARTED", null));
            OsgiLogBridge.forward(new Entry("Events.Bundle.esnode.core", LogLevel.ERROR, "FrameworkEvent ERROR", null));
        } finally {
            events.removeHandler(capture);
            events.setUseParentHandlers(true);
        }
        assertEquals(1, records.size());
        assertEquals("FrameworkEvent ERROR", records.get(0).getMessage());
    }

    @Test
    void unnamedEntriesWithoutBundleUseAFixedLoggerName() {
        assertEquals("osgi", OsgiLogBridge.loggerName(new Entry(null, LogLevel.WARN, "x", null)));
        assertEquals("org.apache.felix.configadmin",
                OsgiLogBridge.loggerName(new Entry("org.apache.felix.configadmin", LogLevel.WARN, "x", null)));
    }
}
