package io.esnode.driver.mqtt;

import io.esnode.api.util.ConfigText;
import io.esnode.api.util.PointSpec;
import io.esnode.driver.mqtt.internal.codec.LegacyMappingParser;
import io.esnode.driver.mqtt.internal.codec.TopicFilter;
import io.esnode.driver.mqtt.internal.codec.TopicMapping;
import io.esnode.driver.mqtt.internal.session.SessionSettings;
import io.esnode.driver.mqtt.internal.transport.ConnectionSettings;
import io.esnode.driver.mqtt.internal.transport.MqttVersion;
import io.esnode.driver.mqtt.internal.transport.TlsContextFactory;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The validated form of a {@link MqttDriver.Config}. Every rejection names the key and the bad value; the
 * password is never part of a message.
 */
record DriverSettings(String driverId, ConnectionSettings connection, SessionSettings session,
                      List<TopicMapping> mappings, Duration ttl) {

    static DriverSettings from(MqttDriver.Config c) {
        String id = c.id() == null ? "" : c.id().trim();
        if (id.isEmpty()) {
            throw new IllegalArgumentException("MQTT driver: id is required");
        }
        if (!id.matches("[A-Za-z0-9_.:-]+")) {
            throw bad(id, "id", id, "use letters, digits, '_', '-', '.', ':'");
        }
        Duration ttl = Duration.ofMillis(Math.round(positiveSeconds(id, "ttl", c.ttl()) * 1000));
        List<TopicMapping> mappings = mappings(id, c, ttl);
        String uri = brokerUri(id, c);
        MqttVersion version;
        try {
            version = MqttVersion.parse(c.mqtt__version());
        } catch (IllegalArgumentException e) {
            throw bad(id, "mqtt_version", c.mqtt__version(), "use 5 or 3.1.1");
        }
        int qos = integer(id, "qos", c.qos(), 0, 2);
        boolean clean = bool(id, "clean_session", c.clean__session());
        int keepAlive = integer(id, "keep_alive", c.keep__alive(), 0, 65535);
        int connectTimeout = integer(id, "connect_timeout", c.connect__timeout(), 1, 300);
        double min = positiveSeconds(id, "reconnect_min", c.reconnect__min());
        double max = positiveSeconds(id, "reconnect_max", c.reconnect__max());
        if (max < min) {
            throw bad(id, "reconnect_max", c.reconnect__max(), "must not be below reconnect_min " + c.reconnect__min());
        }
        String clientId = blank(c.client__id()) ? "esnode-" + id : c.client__id().trim();
        TlsContextFactory.TlsSetup tls = uri.startsWith("ssl://") ? tls(id, c) : null;
        ConnectionSettings connection = new ConnectionSettings(uri, version, clientId, trimmed(c.username()),
                c.password(), clean, keepAlive, connectTimeout, tls);
        SessionSettings session = new SessionSettings(id, uri, subscriptions(id, c, mappings), qos,
                Math.round(min * 1000), Math.round(max * 1000));
        return new DriverSettings(id, connection, session, List.copyOf(mappings), ttl);
    }

    private static List<TopicMapping> mappings(String id, MqttDriver.Config c, Duration ttl) {
        List<TopicMapping> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String spec : c.points() == null ? new String[0] : c.points()) {
            if (blank(spec)) {
                continue;
            }
            TopicMapping m;
            try {
                m = TopicMapping.fromSpec(PointSpec.parse(spec), ttl);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("MQTT driver " + id + ": points: " + e.getMessage(), e);
            }
            if (!names.add(m.point().name())) {
                throw bad(id, "points", spec, "point name '" + m.point().name() + "' is used twice");
            }
            out.add(m);
        }
        try {
            out.addAll(LegacyMappingParser.parse(c.mappings(), ttl, names));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("MQTT driver " + id + ": mappings: " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("MQTT driver " + id + ": no points: set points or mappings");
        }
        return out;
    }

    private static List<String> subscriptions(String id, MqttDriver.Config c, List<TopicMapping> mappings) {
        Set<String> filters = new LinkedHashSet<>();
        for (String entry : c.topics() == null ? new String[0] : c.topics()) {
            for (String t : entry.split(",")) {
                if (blank(t)) {
                    continue;
                }
                try {
                    filters.add(TopicFilter.parse(t.trim()).subscription());
                } catch (IllegalArgumentException e) {
                    throw bad(id, "topics", t.trim(), e.getMessage());
                }
            }
        }
        if (filters.isEmpty()) {
            mappings.forEach(m -> filters.add(m.filter().subscription()));
        }
        return List.copyOf(filters);
    }

    private static String brokerUri(String id, MqttDriver.Config c) {
        String url = trimmed(c.broker__url());
        if (url == null) {
            String target = trimmed(c.target());
            if (target == null) {
                throw new IllegalArgumentException("MQTT driver " + id + ": broker_url or target is required");
            }
            if (target.contains("://")) {
                url = target;
            } else {
                url = (bool(id, "use_tls", c.use__tls()) ? "ssl://" : "tcp://") + target;
            }
        }
        URI u;
        try {
            u = new URI(url);
        } catch (URISyntaxException e) {
            throw bad(id, "broker_url", url, "not a URI");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("tcp") && !scheme.equals("ssl")) {
            throw bad(id, "broker_url", url, "scheme must be tcp:// or ssl://");
        }
        if (u.getHost() == null || u.getUserInfo() != null || (u.getPath() != null && !u.getPath().isEmpty()
                && !u.getPath().equals("/")) || u.getQuery() != null) {
            throw bad(id, "broker_url", url, "expected " + scheme + "://host:port");
        }
        int port = u.getPort() >= 0 ? u.getPort() : scheme.equals("ssl") ? 8883 : 1883;
        return scheme + "://" + u.getHost() + ":" + port;
    }

    private static TlsContextFactory.TlsSetup tls(String id, MqttDriver.Config c) {
        List<String> versions;
        try {
            versions = TlsContextFactory.parseVersions(c.tls__versions());
        } catch (IllegalArgumentException e) {
            throw bad(id, "tls_versions", c.tls__versions(), e.getMessage());
        }
        boolean verify = bool(id, "hostname_verification", c.hostname__verification());
        TlsContextFactory.TlsSettings s = new TlsContextFactory.TlsSettings(path(c.ca__cert__path()),
                path(c.client__cert__path()), path(c.client__key__path()), versions, verify, c.tls__server__name());
        try {
            return TlsContextFactory.create(s);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("MQTT driver " + id + ": TLS setup failed: " + e.getMessage(), e);
        }
    }

    private static Path path(String s) {
        return blank(s) ? null : Path.of(s.trim());
    }

    private static int integer(String id, String key, String value, int min, int max) {
        return ConfigText.integer("MQTT driver " + id, key, value, min, max);
    }

    private static double positiveSeconds(String id, String key, String value) {
        return ConfigText.positiveSeconds("MQTT driver " + id, key, value);
    }

    private static boolean bool(String id, String key, String value) {
        return ConfigText.bool("MQTT driver " + id, key, value);
    }

    private static String trimmed(String s) {
        return blank(s) ? null : s.trim();
    }

    private static boolean blank(String s) {
        return ConfigText.blank(s);
    }

    private static IllegalArgumentException bad(String id, String key, String value, String why) {
        return ConfigText.invalid("MQTT driver " + id, key, value, why);
    }
}
