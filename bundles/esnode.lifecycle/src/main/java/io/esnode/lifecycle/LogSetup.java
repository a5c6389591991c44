package io.esnode.lifecycle;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.LoggerFactory;

/**
 * Points java.util.logging (where SLF4J goes through the slf4j-jdk14 binding) at stdout and at a rotating file
 * {@code <esnode.log.dir>/esnode-N.log}, at the level of framework property {@code esnode.log.level}.
 * A service only so that {@link GracefulShutdown} can depend on it: logging is ready before the hook exists.
 */
@Component(service = LogSetup.class, immediate = true)
public final class LogSetup {
    public static final String LOG_DIR_PROPERTY = "esnode.log.dir";
    public static final String LOG_LEVEL_PROPERTY = "esnode.log.level";
    static final String DEFAULT_LOG_DIR = "logs";
    static final int FILE_LIMIT_BYTES = 10 * 1024 * 1024;
    static final int FILE_COUNT = 5;

    /** Libraries that are chatty below these levels; kept at them whatever esnode.log.level says. */
    private static final Map<String, Level> QUIET = Map.of(
            "org.eclipse.paho", Level.WARNING,
            "sun.net.httpserver", Level.INFO,
            "com.sun.net.httpserver", Level.INFO,
            "javax.management", Level.INFO,
            "sun.rmi", Level.INFO,
            "jdk.event", Level.INFO,
            "java.io.serialization", Level.INFO,
            // at INFO it lists every optional printer it skips, e.g. "Class ...BackingStoreException missing"
            "org.apache.felix.webconsole", Level.WARNING);

    private final Logger root = Logger.getLogger("");
    private final Level previousRootLevel = root.getLevel();
    private final List<Handler> previousHandlers = new ArrayList<>();
    /** Strong references: JUL holds loggers weakly, and a collected logger would forget its level. */
    private final List<Logger> quieted = new ArrayList<>();
    private final ShutdownSafeHandler stdout;
    private final ShutdownSafeHandler file;

    @Activate
    public LogSetup(BundleContext context) {
        String levelProperty = context.getProperty(LOG_LEVEL_PROPERTY);
        Level level = levelOrInfo(levelProperty);
        String dirProperty = context.getProperty(LOG_DIR_PROPERTY);
        Path dir = Paths.get(dirProperty == null || dirProperty.isBlank() ? DEFAULT_LOG_DIR : dirProperty.trim());

        LogLineFormatter formatter = new LogLineFormatter();
        stdout = new ShutdownSafeHandler(streamHandler(formatter), false);
        stdout.setLevel(level);
        file = openFile(dir, formatter, level);

        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
            previousHandlers.add(h);
        }
        root.addHandler(stdout);
        if (file != null) {
            root.addHandler(file);
        }
        root.setLevel(level);
        QUIET.forEach((name, quietLevel) -> {
            Logger logger = Logger.getLogger(name);
            if (quietLevel.intValue() > level.intValue()) {
                logger.setLevel(quietLevel);
            }
            quieted.add(logger);
        });
        org.slf4j.Logger log = LoggerFactory.getLogger(LogSetup.class);
        if (levelProperty != null && !levelProperty.isBlank() && level == Level.INFO
                && !"INFO".equalsIgnoreCase(levelProperty.trim())) {
            log.warn("unknown log level {}={}; using INFO (known: TRACE, DEBUG, INFO, WARN, ERROR)",
                    LOG_LEVEL_PROPERTY, levelProperty);
        }
        log.info("logging at {} to stdout and {}", LogLineFormatter.levelName(level),
                file == null ? "no file" : dir.toAbsolutePath().normalize().resolve("esnode-0.log"));
    }

    /** A bad level must not cost the gateway its logging (and, through GracefulShutdown, its clean stop). */
    private static Level levelOrInfo(String name) {
        try {
            return LogLevels.parse(name);
        } catch (IllegalArgumentException e) {
            return Level.INFO;
        }
    }

    @Deactivate
    void deactivate() {
        if (ShutdownSafeHandler.jvmShuttingDown()) {
            // the framework is stopping on SIGTERM: later bundles and the final "stopped" line still need the handlers
            stdout.flush();
            if (file != null) {
                file.flush();
            }
            return;
        }
        root.removeHandler(stdout);
        stdout.closeTarget();
        if (file != null) {
            root.removeHandler(file);
            file.closeTarget();
        }
        previousHandlers.forEach(root::addHandler);
        root.setLevel(previousRootLevel);
        quieted.forEach(logger -> logger.setLevel(null));
    }

    /**
     * Closes the log file once the framework has stopped on SIGTERM (deactivate kept it open for the last lines),
     * so that its lock file goes away.
     */
    void closeFileAfterShutdown() {
        if (file != null) {
            root.removeHandler(file);
            file.closeTarget();
        }
    }

    private static Handler streamHandler(LogLineFormatter formatter) {
        StreamHandler handler = new StreamHandler(System.out, formatter);
        handler.setLevel(Level.ALL);
        setUtf8(handler);
        return handler;
    }

    private static ShutdownSafeHandler openFile(Path dir, LogLineFormatter formatter, Level level) {
        try {
            Files.createDirectories(dir);
            // FileHandler patterns treat '%' specially; a literal one in the directory name must be doubled
            String pattern = dir.toString().replace("%", "%%") + File.separator + "esnode-%g.log";
            FileHandler handler = new FileHandler(pattern, FILE_LIMIT_BYTES, FILE_COUNT, true);
            handler.setFormatter(formatter);
            handler.setLevel(Level.ALL);
            setUtf8(handler);
            ShutdownSafeHandler safe = new ShutdownSafeHandler(handler, true);
            safe.setLevel(level);
            return safe;
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(LogSetup.class).warn("cannot write log files in {} ({}); logging to stdout only",
                    dir.toAbsolutePath(), e.toString());
            return null;
        }
    }

    private static void setUtf8(Handler handler) {
        try {
            handler.setEncoding(StandardCharsets.UTF_8.name());
        } catch (IOException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }
}
