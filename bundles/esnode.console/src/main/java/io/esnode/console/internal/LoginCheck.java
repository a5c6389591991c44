package io.esnode.console.internal;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a user and password against the admin user and PBKDF2 hash. A PBKDF2 check costs tens of milliseconds and
 * every page of the Web Console loads many resources, so the SHA-256 of credentials that passed once is remembered
 * (at most a few entries, never the password itself).
 */
public final class LoginCheck {
    private static final int MAX_REMEMBERED = 8;
    /** Refuses every login (no hash verifies against an empty text). */
    public static final LoginCheck DENY_ALL = new LoginCheck("", "");
    private final String user;
    private final String storedHash;
    private final Set<ByteBuffer> verified = ConcurrentHashMap.newKeySet();

    public LoginCheck(String user, String storedHash) {
        this.user = user;
        this.storedHash = storedHash;
    }

    public boolean matches(BasicCredentials c) {
        byte[] digest = PasswordHash.sha256(c.user() + '\u0000' + c.password());
        if (verified.contains(ByteBuffer.wrap(digest))) {
            return true;
        }
        boolean userOk = MessageDigest.isEqual(user.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                c.user().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        boolean passwordOk = PasswordHash.verify(storedHash, c.password());
        if (userOk && passwordOk) {
            if (verified.size() >= MAX_REMEMBERED) {
                verified.clear();
            }
            verified.add(ByteBuffer.wrap(digest));
            return true;
        }
        return false;
    }
}
