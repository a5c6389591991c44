package io.esnode.config;

import io.esnode.api.util.RateLimitedLog;
import io.esnode.config.internal.ConfigEntry;
import io.esnode.config.internal.GatewayConfigMapper;
import io.esnode.config.internal.SecretResolver;
import io.esnode.config.internal.TomlException;
import io.esnode.config.internal.TomlParser;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads, checks and applies the configuration file when it (or a secret file it names) changed. A file with any
 * error changes nothing in Config Admin: the last good configuration stays. Not thread-safe: one loader thread.
 */
final class ConfigFileReloader {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigFileReloader.class);

    enum Outcome { UNCHANGED, MISSING, INVALID, APPLIED, FAILED }

    /** Size and modification time of one file; a missing file has size -1. */
    private record Stamp(Path path, long size, long modifiedNanos) {
    }

    private final Path file;
    private final String fileName;
    private final String source;
    private final ConfigurationSync sync;
    private final Function<String, String> environment;
    private final LoaderStats stats;
    private final LongSupplier clock;
    private final RateLimitedLog errorLog;
    private List<Stamp> lastSeen;
    private Set<Path> secretFiles = Set.of();
    private boolean warnedMissing;
    private String lastError;

    ConfigFileReloader(Path file, String fileName, ConfigurationAdmin cm, Function<String, String> environment,
            LoaderStats stats, LongSupplier clock) {
        this.file = file;
        this.fileName = fileName;
        this.source = file.toAbsolutePath().normalize().toString();
        this.sync = new ConfigurationSync(cm);
        this.environment = environment;
        this.stats = stats;
        this.clock = clock;
        this.errorLog = new RateLimitedLog(60_000, clock);
    }

    /** Reloads when the file or one of its secret files changed size or modification time since the last look. */
    Outcome poll() {
        List<Stamp> now = stamps();
        if (now.equals(lastSeen)) {
            return Outcome.UNCHANGED;
        }
        return reload(now);
    }

    Outcome reload() {
        return reload(stamps());
    }

    /** The last error message (file:line:column: key: message), null after a successful read. */
    String lastError() {
        return lastError;
    }

    private Outcome reload(List<Stamp> stampsBeforeRead) {
        lastSeen = stampsBeforeRead;
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            stats.missing();
            if (!warnedMissing) {
                warnedMissing = true;
                LOG.warn("configuration file {} ({}) not found; Config Admin is left as it is", fileName, source);
            }
            return Outcome.MISSING;
        } catch (MalformedInputException e) {
            return invalid(fileName + ": not valid UTF-8 text");
        } catch (IOException e) {
            return invalid(fileName + ": cannot read: " + e);
        }
        warnedMissing = false;
        SecretResolver secrets = SecretResolver.withFileSystem(environment, file.toAbsolutePath().getParent());
        List<ConfigEntry> entries;
        try {
            entries = new GatewayConfigMapper(fileName, source, secrets).map(TomlParser.parse(fileName, text));
        } catch (TomlException e) {
            return invalid(e.getMessage());
        } finally {
            secretFiles = secrets.filesUsed();
            // secret files are watched from now on; their stamps are taken after reading, as good as it gets
            lastSeen = withSecretStamps(stampsBeforeRead);
        }
        try {
            ConfigurationSync.Result r = sync.apply(source, fileName, entries);
            lastError = null;
            stats.applied(clock.getAsLong(), r.managed());
            LOG.info("applied {}: {} created, {} updated, {} deleted, {} unchanged{}", fileName, r.created(),
                    r.updated(), r.deleted(), r.unchanged(), r.foreign() > 0 ? ", " + r.foreign() + " left to others" : "");
            return Outcome.APPLIED;
        } catch (IOException | RuntimeException e) {
            lastSeen = null; // retry at the next poll
            lastError = fileName + ": Config Admin refused the configuration: " + e;
            stats.error();
            if (errorLog.allow(lastError) >= 0) {
                LOG.error("{}; will retry", lastError, e);
            }
            return Outcome.FAILED;
        }
    }

    private Outcome invalid(String message) {
        lastError = message;
        stats.error();
        long suppressed = errorLog.allow(message);
        if (suppressed >= 0) {
            LOG.error("{} -- nothing applied, the last good configuration stays active{}", message,
                    suppressed > 0 ? " (" + suppressed + " repeats not logged)" : "");
        }
        return Outcome.INVALID;
    }

    private List<Stamp> stamps() {
        return withSecretStamps(List.of(stamp(file)));
    }

    private List<Stamp> withSecretStamps(List<Stamp> stamps) {
        List<Stamp> all = new ArrayList<>(stamps.subList(0, 1));
        for (Path p : secretFiles) {
            all.add(stamp(p));
        }
        return all;
    }

    private static Stamp stamp(Path path) {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            return new Stamp(path, a.size(), a.lastModifiedTime().toInstant().getEpochSecond() * 1_000_000_000L
                    + a.lastModifiedTime().toInstant().getNano());
        } catch (IOException e) {
            return new Stamp(path, -1, -1);
        }
    }
}
