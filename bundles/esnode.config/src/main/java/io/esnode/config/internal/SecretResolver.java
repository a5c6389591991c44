package io.esnode.config.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${VAR}} and {@code ${env:VAR}} (environment variables) and {@code ${file:/path}} (file content,
 * trailing line breaks removed; a relative path is relative to the configuration file's folder) in string values.
 * <code>$${</code> stands for a literal <code>${</code>. Errors name the variable or file, never a value.
 */
public final class SecretResolver {
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Reads a secret file; a seam for tests. */
    public interface SecretFiles {
        String read(Path path) throws IOException;
    }

    /** A reference that cannot be resolved; the message is safe to log. */
    public static final class SecretException extends Exception {
        private static final long serialVersionUID = 1L;

        SecretException(String message) {
            super(message);
        }
    }

    private final Function<String, String> environment;
    private final SecretFiles files;
    private final Path baseDir;
    private final Set<Path> filesUsed = new LinkedHashSet<>();

    public SecretResolver(Function<String, String> environment, SecretFiles files, Path baseDir) {
        this.environment = environment;
        this.files = files;
        this.baseDir = baseDir;
    }

    /** Resolves from the given environment and the file system. */
    public static SecretResolver withFileSystem(Function<String, String> environment, Path baseDir) {
        return new SecretResolver(environment, p -> Files.readString(p, StandardCharsets.UTF_8), baseDir);
    }

    /** Every secret file this resolver was asked to read (also those that could not be read), in order. */
    public Set<Path> filesUsed() {
        return Collections.unmodifiableSet(filesUsed);
    }

    /** Leaves references as they are: for checking a disabled section whose secrets need not exist yet. */
    public static SecretResolver none() {
        return new SecretResolver(null, null, null);
    }

    public String resolve(String text) throws SecretException {
        if (environment == null || !text.contains("${")) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (text.startsWith("${", i)) {
                int end = text.indexOf('}', i + 2);
                if (end < 0) {
                    throw new SecretException("unterminated \"${\" (write \"$${\" for a literal \"${\")");
                }
                out.append(lookup(text.substring(i + 2, end)));
                i = end + 1;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    private String lookup(String reference) throws SecretException {
        if (reference.startsWith("file:")) {
            return readFile(reference.substring("file:".length()));
        }
        String variable = reference.startsWith("env:") ? reference.substring("env:".length()) : reference;
        if (!VARIABLE.matcher(variable).matches()) {
            int colon = reference.indexOf(':');
            throw new SecretException(colon > 0
                    ? "unknown secret source \"" + reference.substring(0, colon) + "\" (use ${env:NAME} or ${file:/path})"
                    : "invalid environment variable name \"" + variable + "\"");
        }
        String value = environment.apply(variable);
        if (value == null) {
            throw new SecretException("environment variable " + variable + " is not set");
        }
        return value;
    }

    private String readFile(String name) throws SecretException {
        if (name.isBlank()) {
            throw new SecretException("${file:} needs a path");
        }
        Path path = baseDir.resolve(name).toAbsolutePath().normalize();
        filesUsed.add(path);
        try {
            String content = files.read(path);
            int end = content.length();
            while (end > 0 && (content.charAt(end - 1) == '\n' || content.charAt(end - 1) == '\r')) {
                end--;
            }
            return content.substring(0, end);
        } catch (NoSuchFileException e) {
            throw new SecretException("cannot read secret file " + path + ": no such file");
        } catch (AccessDeniedException e) {
            throw new SecretException("cannot read secret file " + path + ": permission denied");
        } catch (IOException e) {
            throw new SecretException("cannot read secret file " + path + ": " + e.getClass().getSimpleName());
        }
    }
}
