package io.esnode.driver.snmp;

import io.esnode.api.util.ConfigText;
import io.esnode.api.util.PointSpec;
import io.esnode.driver.snmp.internal.profile.ProfileLibrary;
import io.esnode.driver.snmp.internal.session.SessionSettings;
import io.esnode.driver.snmp.internal.session.SnmpPoint;
import io.esnode.driver.snmp.internal.session.SnmpPointParser;
import io.esnode.driver.snmp.internal.transport.AgentSettings;
import io.esnode.driver.snmp.internal.transport.SnmpVersion;
import io.esnode.driver.snmp.internal.transport.UsmSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The validated form of a {@link SnmpDriver.Config}. Every rejection names the key and the bad value; community
 * and pass-phrases are never part of a message.
 */
record DriverSettings(String driverId, SessionSettings session, List<String> profiles) {
    static final int DEFAULT_PORT = 161;

    static DriverSettings from(SnmpDriver.Config c) {
        String id = c.id() == null ? "" : c.id().trim();
        if (id.isEmpty()) {
            throw new IllegalArgumentException("SNMP driver: id is required");
        }
        if (!id.matches("[A-Za-z0-9_.:-]+")) {
            throw bad(id, "id", id, "use letters, digits, '_', '-', '.', ':'");
        }
        double pollSeconds = positiveSeconds(id, "poll_interval", c.poll__interval());
        Duration ttl = blank(c.ttl()) ? Duration.ofMillis(Math.round(pollSeconds * 3000))
                : Duration.ofMillis(Math.round(positiveSeconds(id, "ttl", c.ttl()) * 1000));
        AgentSettings agent = agent(id, c);
        List<String> profiles = list(c.profile());
        List<SnmpPoint> points = points(id, c, ttl, profiles);
        int maxRepetitions = integer(id, "max_repetitions", c.max__repetitions(), 1, 1000);
        int maxOids = integer(id, "max_oids_per_get", c.max__oids__per__get(), 1, 1000);
        int maxRows = integer(id, "max_rows", c.max__rows(), 1, 1_000_000);
        SessionSettings session = new SessionSettings(id, agent, points, Math.round(pollSeconds * 1000),
                maxRepetitions, maxOids, maxRows);
        return new DriverSettings(id, session, profiles);
    }

    private static AgentSettings agent(String id, SnmpDriver.Config c) {
        String target = trimmed(c.target());
        if (target == null) {
            throw new IllegalArgumentException("SNMP driver " + id + ": target is required (host, host:port, udp:host:port or tcp:host:port)");
        }
        String t = target;
        boolean tcp;
        String transport = trimmed(c.transport());
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.startsWith("udp:") || lower.startsWith("tcp:")) {
            tcp = lower.startsWith("tcp:");
            t = t.substring(4);
            if (t.startsWith("//")) {
                t = t.substring(2);
            }
        } else if (transport == null || transport.equalsIgnoreCase("udp")) {
            tcp = false;
        } else if (transport.equalsIgnoreCase("tcp")) {
            tcp = true;
        } else {
            throw bad(id, "transport", transport, "use udp or tcp");
        }
        String host;
        int port = DEFAULT_PORT;
        if (t.startsWith("[")) {
            int close = t.indexOf(']');
            if (close < 0) {
                throw bad(id, "target", target, "unclosed [ of an IPv6 address");
            }
            host = t.substring(1, close);
            String rest = t.substring(close + 1);
            if (!rest.isEmpty()) {
                port = port(id, target, rest.startsWith(":") ? rest.substring(1) : rest);
            }
        } else if (t.indexOf(':') >= 0 && t.indexOf(':') == t.lastIndexOf(':')) {
            host = t.substring(0, t.indexOf(':'));
            port = port(id, target, t.substring(t.indexOf(':') + 1));
        } else {
            host = t; // a name, an IPv4 address or a bare IPv6 address
        }
        if (host.isBlank() || host.contains("/") || host.contains("@")) {
            throw bad(id, "target", target, "expected host, host:port, udp:host:port or tcp:host:port");
        }
        SnmpVersion version;
        try {
            version = SnmpVersion.parse(c.version());
        } catch (IllegalArgumentException e) {
            throw bad(id, "version", c.version(), e.getMessage());
        }
        long timeoutMillis = Math.round(positiveSeconds(id, "timeout", c.timeout()) * 1000);
        int retries = integer(id, "retries", c.retries(), 0, 10);
        UsmSettings usm = version == SnmpVersion.V3 ? usm(id, c) : null;
        String community = c.community() == null ? "" : c.community();
        if (version != SnmpVersion.V3 && community.isEmpty()) {
            throw new IllegalArgumentException("SNMP driver " + id + ": community is required for version " + version);
        }
        int maxMessageSize = integer(id, "max_message_size", c.max__message__size(), 484, 65535);
        return new AgentSettings(tcp, host, port, version, community, usm, timeoutMillis, retries, maxMessageSize);
    }

    private static int port(String id, String target, String text) {
        try {
            int p = Integer.parseInt(text.trim());
            if (p > 0 && p < 65536) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(id, "target", target, "port must be 1 to 65535");
    }

    private static UsmSettings usm(String id, SnmpDriver.Config c) {
        String user = trimmed(c.user());
        if (user == null) {
            throw new IllegalArgumentException("SNMP driver " + id + ": user is required for version 3");
        }
        UsmSettings.AuthProtocol auth;
        UsmSettings.PrivProtocol priv;
        try {
            auth = UsmSettings.AuthProtocol.parse(c.auth__protocol());
        } catch (IllegalArgumentException e) {
            throw bad(id, "auth_protocol", c.auth__protocol(), e.getMessage());
        }
        try {
            priv = UsmSettings.PrivProtocol.parse(c.priv__protocol());
        } catch (IllegalArgumentException e) {
            throw bad(id, "priv_protocol", c.priv__protocol(), e.getMessage());
        }
        String authPass = c.auth__passphrase() == null ? "" : c.auth__passphrase();
        String privPass = c.priv__passphrase() == null ? "" : c.priv__passphrase();
        if (priv != null && auth == null) {
            throw new IllegalArgumentException("SNMP driver " + id + ": priv_protocol " + c.priv__protocol()
                    + " needs an auth_protocol (there is no noAuthPriv level)");
        }
        if (auth != null && authPass.length() < 8) {
            throw new IllegalArgumentException("SNMP driver " + id + ": auth_passphrase must have at least 8 characters (RFC 3414)");
        }
        if (priv != null && privPass.length() < 8) {
            throw new IllegalArgumentException("SNMP driver " + id + ": priv_passphrase must have at least 8 characters (RFC 3414)");
        }
        return new UsmSettings(user, auth, authPass, priv, privPass, c.context() == null ? "" : c.context().trim());
    }

    private static List<SnmpPoint> points(String id, SnmpDriver.Config c, Duration ttl, List<String> profiles) {
        Map<String, String> labels = labels(id, c.labels());
        List<SnmpPoint> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        String dir = trimmed(c.profile__dir());
        if (dir != null && !Files.isDirectory(Path.of(dir))) {
            throw bad(id, "profile_dir", dir, "is not a directory");
        }
        ProfileLibrary library = new ProfileLibrary(dir == null ? null : Path.of(dir));
        for (String profile : profiles) {
            List<String> specs;
            try {
                specs = library.load(profile);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("SNMP driver " + id + ": profile: " + e.getMessage(), e);
            }
            for (String spec : specs) {
                add(id, "profile " + profile, spec, ttl, labels, out, names);
            }
        }
        for (String spec : c.points() == null ? new String[0] : c.points()) {
            if (!blank(spec)) {
                add(id, "points", spec, ttl, labels, out, names);
            }
        }
        for (String oid : list(new String[] {c.oids()})) {
            int colon = oid.indexOf(':');
            String name = colon > 0 ? oid.substring(0, colon).trim() : "oid_" + oid.replaceFirst("^\\.", "").replace('.', '_');
            String o = colon > 0 ? oid.substring(colon + 1).trim() : oid;
            add(id, "oids", PointSpec.format(Map.of("name", name, "oid", o)), ttl, labels, out, names);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("SNMP driver " + id + ": no points: set profile, points or oids");
        }
        return out;
    }

    private static void add(String id, String key, String spec, Duration ttl, Map<String, String> labels,
                            List<SnmpPoint> out, Set<String> names) {
        SnmpPoint p;
        try {
            p = SnmpPointParser.parse(PointSpec.parse(spec), ttl, labels);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("SNMP driver " + id + ": " + key + ": " + e.getMessage(), e);
        }
        if (!names.add(p.point().name())) {
            throw bad(id, key, spec, "point name '" + p.point().name() + "' is used twice");
        }
        out.add(p);
    }

    private static Map<String, String> labels(String id, String[] entries) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String e : list(entries)) {
            int eq = e.indexOf('=');
            if (eq <= 0 || !e.substring(0, eq).trim().matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
                throw bad(id, "labels", e, "expected name=value");
            }
            labels.put(e.substring(0, eq).trim(), e.substring(eq + 1).trim());
        }
        return labels;
    }

    /** Array entries, each also split at commas, trimmed, blanks dropped. */
    private static List<String> list(String[] entries) {
        List<String> out = new ArrayList<>();
        for (String entry : entries == null ? new String[0] : entries) {
            if (entry == null) {
                continue;
            }
            for (String s : entry.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }

    private static int integer(String id, String key, String value, int min, int max) {
        return ConfigText.integer("SNMP driver " + id, key, value, min, max);
    }

    private static double positiveSeconds(String id, String key, String value) {
        return ConfigText.positiveSeconds("SNMP driver " + id, key, value);
    }

    private static String trimmed(String s) {
        return blank(s) ? null : s.trim();
    }

    private static boolean blank(String s) {
        return ConfigText.blank(s);
    }

    private static IllegalArgumentException bad(String id, String key, String value, String why) {
        return ConfigText.invalid("SNMP driver " + id, key, value, why);
    }
}
