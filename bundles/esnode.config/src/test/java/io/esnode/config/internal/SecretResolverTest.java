package io.esnode.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretResolverTest {
    @TempDir
    Path dir;

    private SecretResolver resolver(Map<String, String> env) {
        return SecretResolver.withFileSystem(env::get, dir);
    }

    @Test
    void environmentVariablesResolveWithOrWithoutPrefix() throws Exception {
        assertEquals("u=alice p=pw!", resolver(Map.of("USER_X", "alice", "PW", "pw!")).resolve("u=${USER_X} p=${env:PW}"));
    }

    @Test
    void secretFilesLoseTrailingLineBreaksAndAreRemembered() throws Exception {
        Files.writeString(dir.resolve("pw"), "hunter2\r\n\n");
        Path abs = dir.resolve("abs");
        Files.writeString(abs, "x y\n");
        SecretResolver r = resolver(Map.of());
        assertEquals("hunter2|x y", r.resolve("${file:pw}|${file:" + abs + "}"));
        assertEquals(List.of(dir.resolve("pw").toAbsolutePath(), abs.toAbsolutePath()), List.copyOf(r.filesUsed()));
    }

    @Test
    void doubleDollarIsALiteral() throws Exception {
        assertEquals("${HOME} and $.value and $", resolver(Map.of()).resolve("$${HOME} and $.value and $"));
    }

    @Test
    void problemsNameTheReferenceButNoValue() throws IOException {
        assertEquals("environment variable NOPE is not set",
                assertThrows(SecretResolver.SecretException.class, () -> resolver(Map.of()).resolve("${NOPE}")).getMessage());
        assertEquals("unterminated \"${\" (write \"$${\" for a literal \"${\")",
                assertThrows(SecretResolver.SecretException.class, () -> resolver(Map.of()).resolve("a${B")).getMessage());
        assertEquals("invalid environment variable name \"1X\"",
                assertThrows(SecretResolver.SecretException.class, () -> resolver(Map.of()).resolve("${1X}")).getMessage());
        assertEquals("cannot read secret file " + dir.resolve("missing") + ": no such file",
                assertThrows(SecretResolver.SecretException.class,
                        () -> resolver(Map.of()).resolve("${file:missing}")).getMessage());
    }
}
