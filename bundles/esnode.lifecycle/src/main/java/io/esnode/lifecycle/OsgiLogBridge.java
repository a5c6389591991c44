package io.esnode.lifecycle;

import java.util.Collections;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards the OSGi Log Service, where SCR, Config Admin and Metatype log once one is present, to SLF4J: their
 * warnings and errors then reach the same stdout and file lines as the rest. Framework events below WARN are
 * dropped. Entries logged before this component started are replayed once.
 */
@Component(immediate = true)
public final class OsgiLogBridge implements LogListener {
    private final LogReaderService reader;

    /** @param logSetup referenced so that replayed entries go to the configured handlers */
    @Activate
    public OsgiLogBridge(@Reference LogReaderService reader, @Reference LogSetup logSetup) {
        this.reader = reader;
        List<LogEntry> earlier = Collections.list(reader.getLog());
        reader.addLogListener(this);
        for (int i = earlier.size() - 1; i >= 0; i--) { // getLog() is newest first
            logged(earlier.get(i));
        }
    }

    @Deactivate
    void deactivate() {
        reader.removeLogListener(this);
    }

    @Override
    public void logged(LogEntry entry) {
        forward(entry);
    }

    static void forward(LogEntry entry) {
        String name = loggerName(entry);
        // Felix Log turns every bundle, service and framework event into an INFO entry; only problems matter here
        if (name.startsWith("Events.") && entry.getLogLevel().ordinal() > LogLevel.WARN.ordinal()) {
            return;
        }
        Logger log = LoggerFactory.getLogger(name);
        String message = String.valueOf(entry.getMessage());
        Throwable thrown = entry.getException();
        switch (entry.getLogLevel()) {
            case AUDIT:
            case ERROR:
                log.error(message, thrown);
                break;
            case WARN:
                log.warn(message, thrown);
                break;
            case INFO:
                log.info(message, thrown);
                break;
            case DEBUG:
                log.debug(message, thrown);
                break;
            default:
                log.trace(message, thrown);
        }
    }

    /** The entry's own logger name, or the bundle's symbolic name for the unnamed LogService.log(...) calls. */
    static String loggerName(LogEntry entry) {
        String name = entry.getLoggerName();
        if ((name == null || name.isEmpty() || name.startsWith("LogService")) && entry.getBundle() != null
                && entry.getBundle().getSymbolicName() != null) {
            return entry.getBundle().getSymbolicName();
        }
        return name == null || name.isEmpty() ? "osgi" : name;
    }
}
