package io.esnode.driver.mqtt.internal.transport;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Checks a server certificate against an expected name (RFC 6125, as the JDK's HTTPS check does): IP literals only
 * against iPAddress entries; DNS names against dNSName entries, a {@code *} allowed as the whole leftmost label; the
 * subject CN only when the certificate has no dNSName. Used for {@code tls_server_name}.
 */
public final class HostnameMatcher {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    private HostnameMatcher() {
    }

    public static boolean matches(X509Certificate cert, String name) {
        String expected = name.trim();
        if (expected.startsWith("[") && expected.endsWith("]")) {
            expected = expected.substring(1, expected.length() - 1);
        }
        if (isIpLiteral(expected)) {
            return matchesIp(cert, expected);
        }
        String host = stripDot(expected.toLowerCase(Locale.ROOT));
        List<String> dnsNames = sanEntries(cert, SAN_DNS);
        if (dnsNames.isEmpty()) {
            String cn = commonName(cert);
            return cn != null && dnsMatches(stripDot(cn.toLowerCase(Locale.ROOT)), host);
        }
        for (String dns : dnsNames) {
            if (dnsMatches(stripDot(dns.toLowerCase(Locale.ROOT)), host)) {
                return true;
            }
        }
        return false;
    }

    static boolean isIpLiteral(String s) {
        return IPV4.matcher(s).matches() || (s.indexOf(':') >= 0 && s.matches("[0-9a-fA-F:.]+"));
    }

    private static boolean matchesIp(X509Certificate cert, String ip) {
        try {
            InetAddress want = InetAddress.getByName(ip); // a literal: no lookup
            for (String entry : sanEntries(cert, SAN_IP)) {
                if (InetAddress.getByName(entry).equals(want)) {
                    return true;
                }
            }
        } catch (UnknownHostException e) {
            return false;
        }
        return false;
    }

    static boolean dnsMatches(String pattern, String host) {
        if (!pattern.contains("*")) {
            return pattern.equals(host);
        }
        // only "*.rest" with at least two labels in rest, and the wildcard standing for exactly one label
        if (!pattern.startsWith("*.") || pattern.indexOf('*', 1) >= 0) {
            return false;
        }
        String rest = pattern.substring(1); // ".example.com"
        if (rest.chars().filter(c -> c == '.').count() < 2) {
            return false;
        }
        int firstDot = host.indexOf('.');
        return firstDot > 0 && host.substring(firstDot).equals(rest);
    }

    private static String stripDot(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static List<String> sanEntries(X509Certificate cert, int type) {
        List<String> out = new ArrayList<>();
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    if (san.size() >= 2 && san.get(0) instanceof Integer t && t == type && san.get(1) instanceof String v) {
                        out.add(v);
                    }
                }
            }
        } catch (CertificateParsingException e) {
            return out;
        }
        return out;
    }

    private static String commonName(X509Certificate cert) {
        try {
            String cn = null;
            for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    cn = String.valueOf(rdn.getValue()); // the most specific (last) CN wins
                }
            }
            return cn;
        } catch (InvalidNameException e) {
            return null;
        }
    }
}
