package io.esnode.driver.snmp.internal.transport;

import java.util.Locale;
import org.snmp4j.security.AuthHMAC128SHA224;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.AuthHMAC256SHA384;
import org.snmp4j.security.AuthHMAC384SHA512;
import org.snmp4j.security.AuthMD5;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.PrivAES192;
import org.snmp4j.security.PrivAES256;
import org.snmp4j.security.PrivDES;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.smi.OID;

/**
 * SNMPv3 USM user of one driver. The pass-phrases never appear in {@link #toString()}.
 *
 * @param user        security name
 * @param auth        authentication protocol or null (noAuthNoPriv)
 * @param authPass    authentication pass-phrase (at least 8 characters, RFC 3414)
 * @param priv        privacy protocol or null
 * @param privPass    privacy pass-phrase
 * @param contextName context name of the scoped PDUs, may be empty
 */
public record UsmSettings(String user, AuthProtocol auth, String authPass, PrivProtocol priv, String privPass,
                          String contextName) {

    /** Authentication protocols with the names used in configuration (as Net-SNMP spells them). */
    public enum AuthProtocol {
        MD5(AuthMD5.ID), SHA(AuthSHA.ID), SHA224(AuthHMAC128SHA224.ID), SHA256(AuthHMAC192SHA256.ID),
        SHA384(AuthHMAC256SHA384.ID), SHA512(AuthHMAC384SHA512.ID);

        private final OID id;

        AuthProtocol(OID id) {
            this.id = id;
        }

        public OID id() {
            return id;
        }

        /** {@code none} or empty gives null. */
        public static AuthProtocol parse(String s) {
            String v = norm(s);
            switch (v) {
                case "": case "none": return null;
                case "md5": return MD5;
                case "sha": case "sha1": return SHA;
                case "sha224": return SHA224;
                case "sha256": return SHA256;
                case "sha384": return SHA384;
                case "sha512": return SHA512;
                default: throw new IllegalArgumentException("use none, MD5, SHA, SHA-224, SHA-256, SHA-384 or SHA-512");
            }
        }
    }

    /** Privacy protocols; {@code AES} means AES-128 (RFC 3826). */
    public enum PrivProtocol {
        DES(PrivDES.ID), AES128(PrivAES128.ID), AES192(PrivAES192.ID), AES256(PrivAES256.ID);

        private final OID id;

        PrivProtocol(OID id) {
            this.id = id;
        }

        public OID id() {
            return id;
        }

        public static PrivProtocol parse(String s) {
            String v = norm(s);
            switch (v) {
                case "": case "none": return null;
                case "des": return DES;
                case "aes": case "aes128": return AES128;
                case "aes192": return AES192;
                case "aes256": return AES256;
                default: throw new IllegalArgumentException("use none, DES, AES (=AES-128), AES-192 or AES-256");
            }
        }
    }

    public int securityLevel() {
        if (auth == null) {
            return SecurityLevel.NOAUTH_NOPRIV;
        }
        return priv == null ? SecurityLevel.AUTH_NOPRIV : SecurityLevel.AUTH_PRIV;
    }

    public String levelName() {
        return auth == null ? "noAuthNoPriv" : priv == null ? "authNoPriv" : "authPriv";
    }

    private static String norm(String s) {
        return s == null ? "" : s.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    @Override
    public String toString() {
        return "user=" + user + " level=" + levelName() + (auth == null ? "" : " auth=" + auth)
                + (priv == null ? "" : " priv=" + priv) + (contextName.isEmpty() ? "" : " context=" + contextName);
    }
}
