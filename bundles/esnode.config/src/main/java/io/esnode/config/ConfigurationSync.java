package io.esnode.config;

import io.esnode.api.util.RateLimitedLog;
import io.esnode.config.internal.ConfigEntry;
import io.esnode.config.internal.ConfigNames;
import java.io.IOException;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings Config Admin in line with the entries of one file: creates missing configurations, updates those whose
 * {@code esnode.config.hash} differs, deletes those marked with this file as source that the file no longer has.
 * Configurations without this file's marker (made in the console, by FileInstall, by hand) are never touched.
 */
final class ConfigurationSync {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationSync.class);

    /** What one pass did, counted in configurations. */
    record Result(int created, int updated, int unchanged, int deleted, int foreign) {
        int managed() {
            return created + updated + unchanged;
        }
    }

    private final ConfigurationAdmin cm;
    private final RateLimitedLog foreignLog = new RateLimitedLog(60_000);

    ConfigurationSync(ConfigurationAdmin cm) {
        this.cm = cm;
    }

    Result apply(String source, String fileName, List<ConfigEntry> entries) throws IOException {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int foreign = 0;
        Set<String> keep = new HashSet<>();
        for (ConfigEntry entry : entries) {
            Configuration c = entry.isFactory() ? cm.getFactoryConfiguration(entry.pid(), entry.name(), "?")
                    : cm.getConfiguration(entry.pid(), "?");
            Dictionary<String, Object> current = c.getProperties();
            if (current != null && !source.equals(current.get(ConfigNames.SOURCE))) {
                foreign++;
                if (foreignLog.allow(c.getPid()) >= 0) {
                    LOG.warn("configuration {} was not made from {} (console, FileInstall or by hand); "
                            + "leaving it as it is and ignoring {}:{}", c.getPid(), source, fileName, entry.line());
                }
                continue;
            }
            keep.add(c.getPid());
            if (current != null && entry.hash().equals(current.get(ConfigNames.HASH))) {
                unchanged++;
                continue;
            }
            c.update(new Hashtable<>(entry.properties()));
            if (current == null) {
                created++;
                LOG.info("created configuration {} from {}:{}", c.getPid(), fileName, entry.line());
            } else {
                updated++;
                LOG.info("updated configuration {} from {}:{}", c.getPid(), fileName, entry.line());
            }
        }
        int deleted = 0;
        for (Configuration c : madeFrom(source)) {
            String pid = c.getPid(); // Felix refuses every call on a deleted configuration, getPid() included
            if (!keep.contains(pid)) {
                c.delete();
                deleted++;
                LOG.info("deleted configuration {}: its section is no longer in {}", pid, fileName);
            }
        }
        return new Result(created, updated, unchanged, deleted, foreign);
    }

    private Configuration[] madeFrom(String source) throws IOException {
        try {
            Configuration[] found = cm.listConfigurations("(" + ConfigNames.SOURCE + "=" + escapeFilterValue(source) + ")");
            return found == null ? new Configuration[0] : found;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("escaped filter must be valid", e);
        }
    }

    static String escapeFilterValue(String value) {
        StringBuilder sb = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '*' || c == '(' || c == ')') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
