package io.esnode.driver.snmp.internal.profile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Device profiles: text files of point specs, one per line ({@code #} starts a comment, a line ending in
 * {@code \} continues on the next). Shipped profiles are bundle resources {@code profiles/<name>.profile}; an
 * operator's directory ({@code profile_dir}) is searched first, so a copied and edited file of the same name wins.
 */
public final class ProfileLibrary {
    public static final String RESOURCE_DIR = "profiles/";
    public static final String SUFFIX = ".profile";
    /** The profiles shipped in the bundle. */
    public static final List<String> SHIPPED = List.of("ups-mib", "entity-sensor-mib", "if-mib", "apc-rpdu2");
    private static final int MAX_BYTES = 1 << 20;

    private final Path directory;

    /** @param directory operator profile directory, or null */
    public ProfileLibrary(Path directory) {
        this.directory = directory;
    }

    /** The point specs of a profile. @throws IllegalArgumentException naming the profile when absent or unreadable */
    public List<String> load(String name) {
        if (!name.matches("[A-Za-z0-9_.-]+") || name.startsWith(".")) {
            throw new IllegalArgumentException("profile name '" + name + "' may hold only letters, digits, '-', '_', '.'");
        }
        try {
            if (directory != null) {
                Path file = directory.resolve(name + SUFFIX);
                if (Files.isRegularFile(file)) {
                    if (Files.size(file) > MAX_BYTES) {
                        throw new IllegalArgumentException("profile file " + file + " is larger than 1 MiB");
                    }
                    return parse(Files.readString(file, StandardCharsets.UTF_8));
                }
            }
            try (InputStream in = ProfileLibrary.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + name + SUFFIX)) {
                if (in == null) {
                    throw new IllegalArgumentException("unknown profile '" + name + "' (shipped: " + SHIPPED
                            + (directory == null ? "" : "; none named so in " + directory) + ")");
                }
                return parse(new String(in.readNBytes(MAX_BYTES), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("profile '" + name + "' cannot be read: " + e.getMessage(), e);
        }
    }

    static List<String> parse(String text) {
        List<String> specs = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (pending.length() == 0 && (line.isEmpty() || line.startsWith("#"))) {
                continue;
            }
            if (line.endsWith("\\") && !line.endsWith("\\\\")) {
                pending.append(line, 0, line.length() - 1);
                continue;
            }
            pending.append(line);
            specs.add(pending.toString());
            pending.setLength(0);
        }
        if (pending.length() > 0) {
            specs.add(pending.toString());
        }
        return specs;
    }
}
