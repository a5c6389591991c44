package io.esnode.config.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed {@code esnode.toml} to the Config Admin configurations it describes: {@code [[drivers]]} to factory PID
 * {@code esnode.driver.<protocol>} (name = id), {@code [metrics]} to PID {@code esnode.metrics}, {@code [[pue]]} to
 * factory PID {@code esnode.pue} (name = scope; without any {@code [[pue]]} a default scope {@code site}),
 * {@code [console]} to PIDs {@code esnode.console} (login) and {@code org.apache.felix.http} (address, ports, TLS). Every
 * entry is marked with {@link ConfigNames#SOURCE} and {@link ConfigNames#HASH}. The first problem found ends the
 * mapping with a {@link TomlException}, so a file is applied completely or not at all.
 */
public final class GatewayConfigMapper {
    static final String DEFAULT_CONSOLE_HOST = "127.0.0.1";
    static final int DEFAULT_CONSOLE_PORT = 8181;
    private static final List<String> SECTIONS = List.of("drivers", "metrics", "pue", "console");
    // Felix HTTP Jetty 5.1 keys (org.apache.felix.http.jetty.internal.JettyConfig)
    private static final String HTTP_HOST = "org.apache.felix.http.host";
    private static final String HTTP_PORT = "org.osgi.service.http.port";
    private static final String HTTP_ENABLE = "org.apache.felix.http.enable";
    private static final String HTTPS_ENABLE = "org.apache.felix.https.enable";
    private static final String HTTPS_PORT = "org.osgi.service.http.port.secure";
    private static final String KEYSTORE = "org.apache.felix.https.keystore";
    private static final String KEYSTORE_PASSWORD = "org.apache.felix.https.keystore.password";
    private static final String KEYSTORE_TYPE = "org.apache.felix.https.keystore.type";
    private static final String KEY_PASSWORD = "org.apache.felix.https.keystore.key.password";
    private final ValueConverter values;
    private final String file;
    private final String source;

    /**
     * @param file    the file name for messages
     * @param source  the absolute path stored in {@link ConfigNames#SOURCE}
     * @param secrets resolves {@code ${…}} references in string values
     */
    public GatewayConfigMapper(String file, String source, SecretResolver secrets) {
        this.values = new ValueConverter(file, secrets);
        this.file = file;
        this.source = source;
    }

    public List<ConfigEntry> map(TomlTable document) throws TomlException {
        for (Map.Entry<String, TomlNode> e : document.entries().entrySet()) {
            if (!SECTIONS.contains(e.getKey())) {
                throw values.error(e.getValue(), document.keyPath(e.getKey()), "unknown section (known: [[drivers]], "
                        + "[metrics], [[pue]], [console])");
            }
        }
        List<ConfigEntry> entries = new ArrayList<>();
        TomlNode drivers = document.get("drivers");
        if (drivers != null) {
            DriverSectionMapper enabled = new DriverSectionMapper(values);
            ValueConverter literal = new ValueConverter(file, SecretResolver.none());
            for (TomlTable driver : tables(drivers, "drivers")) {
                if (!values.enabled(driver)) {
                    // still checked, so switching it on brings no surprise; its id and secrets do not count yet
                    new DriverSectionMapper(literal).map(driver);
                } else {
                    Map.Entry<String, Map<String, Object>> mapped = enabled.map(driver);
                    entries.add(entry(ConfigNames.DRIVER_FACTORY_PID_PREFIX + mapped.getKey(),
                            (String) mapped.getValue().get("id"), mapped.getValue(), driver.line()));
                }
            }
        }
        TomlNode metrics = document.get("metrics");
        if (metrics != null) {
            entries.add(metrics(metrics));
        }
        entries.addAll(console(document.get("console")));
        TomlNode pue = document.get("pue");
        if (pue != null) {
            Map<String, Integer> scopeLines = new HashMap<>();
            for (TomlTable scope : tables(pue, "pue")) {
                ConfigEntry e = pue(scope, scopeLines);
                if (e != null) {
                    entries.add(e);
                }
            }
        } else {
            entries.add(defaultPue());
        }
        return List.copyOf(entries);
    }

    private List<TomlTable> tables(TomlNode node, String name) throws TomlException {
        List<TomlTable> tables = new ArrayList<>();
        if (node instanceof TomlArray array) {
            for (TomlNode item : array.items()) {
                if (!(item instanceof TomlTable t)) {
                    throw values.error(item, name, "expected [[" + name + "]] tables, got an array of values");
                }
                tables.add(t);
            }
            return tables;
        }
        throw values.error(node, name, "expected [[" + name + "]] (double brackets: one table per entry), got "
                + ValueConverter.describe(node));
    }

    private ConfigEntry metrics(TomlNode node) throws TomlException {
        if (!(node instanceof TomlTable table)) {
            throw values.error(node, "metrics", "expected a [metrics] table, got " + ValueConverter.describe(node));
        }
        Map<String, Object> props = new LinkedHashMap<>();
        for (Map.Entry<String, TomlNode> e : table.entries().entrySet()) {
            String key = table.keyPath(e.getKey());
            switch (e.getKey()) {
                case "bind", "bind_address" -> {
                    if (props.containsKey("bind_address")) {
                        throw values.error(e.getValue(), key, "bind and bind_address both set (they are one key)");
                    }
                    props.put("bind_address", values.string(e.getValue(), key));
                }
                case "port" -> {
                    Object port = values.typed(e.getValue(), key);
                    values.checkIntegerRange(port instanceof String ? "" : port, e.getValue(), key, 1, 65535);
                    props.put("port", port);
                }
                default -> props.put(e.getKey(), values.typed(e.getValue(), key));
            }
        }
        return entry(ConfigNames.METRICS_PID, null, props, table.line());
    }

    /**
     * Login keys go to the console bundle; address, ports and TLS to the HTTP service that serves it (Felix HTTP
     * Jetty's PID {@code org.apache.felix.http}). A relative {@code keystore} is resolved against the TOML file's
     * folder, since the gateway's working folder is not the operator's concern.
     */
    private List<ConfigEntry> console(TomlNode node) throws TomlException {
        if (node == null) {
            return List.of(entry(ConfigNames.HTTP_PID, null, withHttpDefaults(new LinkedHashMap<>()), 0));
        }
        if (!(node instanceof TomlTable table)) {
            throw values.error(node, "console", "expected a [console] table, got " + ValueConverter.describe(node));
        }
        Map<String, Object> login = new LinkedHashMap<>();
        Map<String, Object> http = new LinkedHashMap<>();
        for (Map.Entry<String, TomlNode> e : table.entries().entrySet()) {
            String key = table.keyPath(e.getKey());
            switch (e.getKey()) {
                case "admin_user", "admin_password", "realm" -> login.put(e.getKey(), values.string(e.getValue(), key));
                case "bind", "bind_address" -> {
                    if (http.containsKey(HTTP_HOST)) {
                        throw values.error(e.getValue(), key, "bind and bind_address both set (they are one key)");
                    }
                    http.put(HTTP_HOST, values.string(e.getValue(), key));
                }
                case "port" -> http.put(HTTP_PORT, port(e.getValue(), key));
                case "https_port" -> {
                    http.put(HTTPS_ENABLE, Boolean.TRUE);
                    http.put(HTTPS_PORT, port(e.getValue(), key));
                }
                case "http_enabled" -> http.put(HTTP_ENABLE, bool(e.getValue(), key));
                case "keystore" -> http.put(KEYSTORE, besideTheFile(values.string(e.getValue(), key)));
                case "keystore_password" -> http.put(KEYSTORE_PASSWORD, values.string(e.getValue(), key));
                case "keystore_type" -> http.put(KEYSTORE_TYPE, values.string(e.getValue(), key));
                case "key_password" -> http.put(KEY_PASSWORD, values.string(e.getValue(), key));
                default -> throw values.error(e.getValue(), key, "unknown key (known: bind_address, port, https_port, "
                        + "http_enabled, keystore, keystore_password, keystore_type, key_password, admin_user, "
                        + "admin_password, realm)");
            }
        }
        checkTls(table, http);
        List<ConfigEntry> entries = new ArrayList<>(2);
        if (!login.isEmpty()) {
            entries.add(entry(ConfigNames.CONSOLE_PID, null, login, table.line()));
        }
        entries.add(entry(ConfigNames.HTTP_PID, null, withHttpDefaults(http), table.line()));
        return entries;
    }

    /**
     * The runtime starts Jetty with HTTP switched off, so that it never binds the default port before this
     * configuration arrives (a console moved off a port that something else holds would fail at every start);
     * this entry, always written, switches it on.
     */
    private static Map<String, Object> withHttpDefaults(Map<String, Object> http) {
        http.putIfAbsent(HTTP_ENABLE, Boolean.TRUE);
        http.putIfAbsent(HTTP_HOST, DEFAULT_CONSOLE_HOST);
        http.putIfAbsent(HTTP_PORT, DEFAULT_CONSOLE_PORT);
        return http;
    }

    /** Combinations Jetty would accept but that leave the console without HTTPS, or unreachable. */
    private void checkTls(TomlTable table, Map<String, Object> http) throws TomlException {
        boolean https = http.containsKey(HTTPS_PORT);
        if (https && !http.containsKey(KEYSTORE)) {
            throw values.error(table.get("https_port"), table.keyPath("https_port"),
                    "https_port needs keystore (a PKCS12 or JKS file with the console's certificate and key)");
        }
        for (String tlsKey : List.of("keystore", "keystore_password", "keystore_type", "key_password")) {
            if (!https && table.get(tlsKey) != null) {
                throw values.error(table.get(tlsKey), table.keyPath(tlsKey), tlsKey
                        + " is set but https_port is not (HTTPS stays off)");
            }
        }
        if (Boolean.FALSE.equals(http.get(HTTP_ENABLE)) && !https) {
            throw values.error(table.get("http_enabled"), table.keyPath("http_enabled"),
                    "http_enabled = false needs https_port (the console would be unreachable)");
        }
    }

    private Object port(TomlNode node, String key) throws TomlException {
        Object port = values.typed(node, key);
        values.checkIntegerRange(port instanceof String ? "" : port, node, key, 1, 65535);
        return port;
    }

    private boolean bool(TomlNode node, String key) throws TomlException {
        if (node instanceof TomlValue v && v.value() instanceof Boolean b) {
            return b;
        }
        throw values.error(node, key, "expected true or false, got " + ValueConverter.describe(node));
    }

    private String besideTheFile(String path) {
        Path p = Path.of(path);
        Path folder = Path.of(source).getParent();
        return p.isAbsolute() || folder == null ? path : folder.resolve(p).toString();
    }

    private ConfigEntry pue(TomlTable table, Map<String, Integer> scopeLines) throws TomlException {
        if (!values.enabled(table)) {
            return null;
        }
        TomlNode scopeNode = table.get("scope");
        String scope = scopeNode == null ? "site" : values.identifier(scopeNode, table.keyPath("scope"));
        TomlNode at = scopeNode == null ? table : scopeNode;
        if (!DriverSectionMapper.ID.matcher(scope).matches()) {
            throw values.error(at, table.keyPath("scope"), "invalid scope \"" + scope
                    + "\" (use letters, digits, \"_\", \".\" and \"-\")");
        }
        Integer first = scopeLines.putIfAbsent(scope, at.line());
        if (first != null) {
            throw values.error(at, table.keyPath("scope"), "duplicate PUE scope \"" + scope
                    + "\" (first defined at line " + first + ")");
        }
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("scope", scope);
        for (Map.Entry<String, TomlNode> e : table.entries().entrySet()) {
            String key = table.keyPath(e.getKey());
            TomlNode node = e.getValue();
            switch (e.getKey()) {
                case "scope", "enabled" -> {
                }
                case "it", "facility" -> props.put(e.getKey(), values.strings(node, key));
                case "max_ratio" -> {
                    if (!(node instanceof TomlValue v && v.value() instanceof Number n && n.doubleValue() >= 1
                            && Double.isFinite(n.doubleValue()))) {
                        throw values.error(node, key, "expected a finite number of at least 1, got "
                                + ValueConverter.describe(node));
                    }
                    props.put("max_ratio", n.doubleValue());
                }
                default -> props.put(e.getKey(), values.typed(node, key));
            }
        }
        return entry(ConfigNames.PUE_FACTORY_PID, scope, props, table.line());
    }

    /** Without any [[pue]] the site PUE still exists: IT and facility power found by the points' pue_role. */
    private ConfigEntry defaultPue() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("scope", "site");
        props.put("it", new String[] {"pue_role=it"});
        props.put("facility", new String[] {"pue_role=facility"});
        return entry(ConfigNames.PUE_FACTORY_PID, "site", props, 0);
    }

    private ConfigEntry entry(String pid, String name, Map<String, Object> props, int line) {
        Map<String, Object> marked = new LinkedHashMap<>(props);
        marked.put(ConfigNames.SOURCE, source);
        marked.put(ConfigNames.HASH, ConfigHash.sha256(props));
        return new ConfigEntry(pid, name, marked, line);
    }
}
