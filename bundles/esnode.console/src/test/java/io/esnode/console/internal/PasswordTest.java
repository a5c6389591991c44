package io.esnode.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void hashVerifiesOnlyItsPasswordAndIsSalted() {
        String h = PasswordHash.hash("s3cret!", random);
        assertTrue(h.startsWith("pbkdf2-sha256$120000$"), h);
        assertTrue(PasswordHash.verify(h, "s3cret!"));
        assertFalse(PasswordHash.verify(h, "s3cret"));
        assertFalse(PasswordHash.verify(h, "admin"));
        assertNotEquals(h, PasswordHash.hash("s3cret!", random), "two hashes of one password differ by their salt");
    }

    @Test
    void knownVectorOfPbkdf2HmacSha256() {
        // RFC 7914 §11 test vector: P="passwd", S="salt", c=1, dkLen=64; its first 32 bytes are
        // 55 ac 04 6e 56 e3 08 9f ec 16 91 c2 25 44 b6 05 f9 41 85 21 6d de 04 65 e6 8b 9d 57 c2 0d ac bc
        byte[] expected = java.util.HexFormat.of().parseHex("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");
        String stored = PasswordHash.format(1, "salt".getBytes(StandardCharsets.US_ASCII), expected);
        assertTrue(PasswordHash.verify(stored, "passwd"));
        assertFalse(PasswordHash.verify(stored, "passwe"));
    }

    @Test
    void malformedHashesNeverMatch() {
        assertFalse(PasswordHash.verify("", ""));
        assertFalse(PasswordHash.verify("sha256$1$AA==$AA==", "x"));
        assertFalse(PasswordHash.verify("pbkdf2-sha256$x$AA==$AA==", "x"));
        assertFalse(PasswordHash.verify("pbkdf2-sha256$1$$", "x"));
    }

    @Test
    void firstStartGeneratesStoresHashOnlyAndLaterStartsReuseIt(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        AdminPassword first = AdminPassword.resolve("", Map.<String, String>of()::get, data, random);
        assertEquals(20, first.generatedPassword().length());
        Path file = data.resolve("console-admin.hash");
        String stored = Files.readString(file).strip();
        assertEquals(first.storedHash(), stored);
        assertFalse(Files.readString(file).contains(first.generatedPassword()), "the file holds the hash only");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(PasswordHash.verify(stored, first.generatedPassword()));
        assertFalse(first.toString().contains(first.generatedPassword()));

        AdminPassword second = AdminPassword.resolve(null, Map.<String, String>of()::get, data, random);
        assertNull(second.generatedPassword(), "printed once: the second start generates nothing");
        assertEquals(stored, second.storedHash());
    }

    @Test
    void configuredPasswordAndEnvironmentReference(@TempDir Path dir) throws Exception {
        AdminPassword literal = AdminPassword.resolve("pw1", Map.<String, String>of()::get, dir, random);
        assertTrue(PasswordHash.verify(literal.storedHash(), "pw1"));
        assertFalse(Files.exists(dir.resolve("console-admin.hash")), "a configured password writes no file");

        AdminPassword env = AdminPassword.resolve("${env:CONSOLE_PW}", Map.of("CONSOLE_PW", "from-env")::get, dir, random);
        assertTrue(PasswordHash.verify(env.storedHash(), "from-env"));
        assertEquals("environment variable CONSOLE_PW", env.origin());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AdminPassword.resolve("${env:MISSING_PW}", Map.<String, String>of()::get, dir, random));
        assertEquals("esnode.console: admin_password names environment variable MISSING_PW, which is not set or empty;"
                + " the web console stays locked", e.getMessage());
    }

    @Test
    void aCorruptHashFileIsRefusedNotReplaced(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("console-admin.hash"), "admin\n");
        assertThrows(IllegalArgumentException.class,
                () -> AdminPassword.resolve("", Map.<String, String>of()::get, dir, random));
        assertEquals("admin\n", Files.readString(dir.resolve("console-admin.hash")));
    }

    @Test
    void basicHeaderParsingAndLoginCheck() {
        String header = "Basic " + Base64.getEncoder().encodeToString("admin:p:w".getBytes(StandardCharsets.UTF_8));
        BasicCredentials c = BasicCredentials.parse(header);
        assertEquals(new BasicCredentials("admin", "p:w"), c);
        assertEquals("BasicCredentials[admin, ****]", c.toString());
        assertNull(BasicCredentials.parse(null));
        assertNull(BasicCredentials.parse("Bearer abc"));
        assertNull(BasicCredentials.parse("Basic !!!"));
        assertNull(BasicCredentials.parse("Basic " + Base64.getEncoder().encodeToString("nocolon".getBytes())));

        LoginCheck check = new LoginCheck("admin", PasswordHash.hash("p:w", random));
        assertTrue(check.matches(c));
        assertTrue(check.matches(c), "remembered");
        assertFalse(check.matches(new BasicCredentials("admin", "admin")));
        assertFalse(check.matches(new BasicCredentials("root", "p:w")));
        assertFalse(LoginCheck.DENY_ALL.matches(new BasicCredentials("", "")));
        assertFalse(LoginCheck.DENY_ALL.matches(new BasicCredentials("admin", "admin")));
    }
}
