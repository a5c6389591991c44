package io.esnode.config.internal;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/** Maps TOML text with a fixed environment and secret files, and renders entries with their value types. */
final class MapperFixture {
    static final String FILE = "etc/esnode.toml";
    static final String SOURCE = "/srv/esnode/etc/esnode.toml";

    private MapperFixture() {
    }

    static List<ConfigEntry> map(String toml, Map<String, String> env) throws TomlException {
        SecretResolver secrets = new SecretResolver(env::get, path -> {
            if (path.equals(Path.of("/srv/esnode/etc/secrets/mqtt_user"))) {
                return "esnode-user\n";
            }
            throw new NoSuchFileException(path.toString());
        }, Path.of("/srv/esnode/etc"));
        return new GatewayConfigMapper(FILE, SOURCE, secrets).map(TomlParser.parse(FILE, toml));
    }

    static List<ConfigEntry> map(String toml) throws TomlException {
        return map(toml, Map.of());
    }

    /** One line per entry: {@code label @line {key=Type:value, …}}, keys sorted, the two markers left out. */
    /** Renders every entry except the console's HTTP defaults of a file without [console] (see its own test). */
    static String render(List<ConfigEntry> entries) {
        StringJoiner lines = new StringJoiner("\n");
        for (ConfigEntry e : entries) {
            if (e.label().equals(ConfigNames.HTTP_PID) && e.line() == 0) {
                continue;
            }
            StringJoiner props = new StringJoiner(", ", "{", "}");
            new TreeMap<>(e.properties()).forEach((k, v) -> {
                if (!k.equals(ConfigNames.SOURCE) && !k.equals(ConfigNames.HASH)) {
                    props.add(k + "=" + v.getClass().getSimpleName() + ":"
                            + (v instanceof Object[] a ? Arrays.toString(a) : v));
                }
            });
            lines.add(e.label() + " @" + e.line() + " " + props);
        }
        return lines.toString();
    }
}
