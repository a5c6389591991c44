package io.esnode.driver.snmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.esnode.driver.snmp.internal.transport.AgentSettings;
import io.esnode.driver.snmp.internal.transport.SnmpVersion;
import io.esnode.testkit.AnnotationConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.snmp4j.smi.OID;

class DriverSettingsTest {
    static DriverSettings settings(Object... kv) {
        return DriverSettings.from(AnnotationConfig.of(SnmpDriver.Config.class, kv));
    }

    static String error(Object... kv) {
        return assertThrows(IllegalArgumentException.class, () -> settings(kv)).getMessage();
    }

    @Test
    void targetFormsAndDefaults() {
        AgentSettings a = settings("id", "d", "target", "pdu1.example", "oids", "1.3.6.1.2.1.1.3.0").session().agent();
        assertEquals("udp:pdu1.example:161", a.address());
        assertEquals(SnmpVersion.V2C, a.version());
        assertEquals(2000, a.timeoutMillis());
        assertEquals(1, a.retries());
        assertEquals("tcp:10.0.0.5:1161", settings("id", "d", "target", "tcp:10.0.0.5:1161", "oids", "1.3.6.1.2.1.1.3.0")
                .session().agent().address());
        assertEquals("udp:[::1]:1610", settings("id", "d", "target", "[::1]:1610", "oids", "1.3.6.1.2.1.1.3.0")
                .session().agent().address());
        assertEquals("tcp:h:161", settings("id", "d", "target", "h", "transport", "tcp", "oids", "1.3.6.1.2.1.1.3.0")
                .session().agent().address());
    }

    @Test
    void legacyOidsBecomeNamedScalarPointsWithTtlOfThreePolls() {
        DriverSettings s = settings("id", "d", "target", "h", "community", "c", "poll_interval", "15",
                "oids", "1.3.6.1.2.1.1.3.0, inlet:1.3.6.1.4.1.99.1.0");
        assertEquals(2, s.session().points().size());
        assertEquals("oid_1_3_6_1_2_1_1_3_0", s.session().points().get(0).point().name());
        assertEquals("inlet", s.session().points().get(1).point().name());
        assertEquals(new OID("1.3.6.1.4.1.99.1.0"), s.session().points().get(1).oid());
        assertEquals(Duration.ofSeconds(45), s.session().points().get(0).point().ttl()); // 3 × 15 s
        assertEquals(15_000, s.session().pollMillis());
    }

    @Test
    void profilesAndPointsCombineAndStaticLabelsApply() {
        DriverSettings s = settings("id", "d", "target", "h", "profile", "apc-rpdu2,ups-mib", "labels",
                new String[] {"rack=r7"}, "points", new String[] {"name=extra;oid=1.3.6.1.4.1.99.2.0"});
        assertEquals(9 + 17 + 1, s.session().points().size());
        assertTrue(s.session().points().stream().allMatch(p -> "r7".equals(p.point().labels().get("rack"))));
        assertTrue(error("id", "d", "target", "h", "profile", "apc-rpdu2", "points",
                "name=rpdu2_outlet_power;oid=1.3.6.1.4.1.99.2.0").contains("point name 'rpdu2_outlet_power' is used twice"));
    }

    @Test
    void invalidValuesNameTheKey() {
        assertEquals("SNMP driver: id is required", error("target", "h", "oids", "1.3.6.1.2.1.1.3.0"));
        assertEquals("SNMP driver d: version '4' is invalid: use 1, 2c or 3",
                error("id", "d", "target", "h", "version", "4", "oids", "1.3.6.1.2.1.1.3.0"));
        assertEquals("SNMP driver d: target 'h:99999' is invalid: port must be 1 to 65535",
                error("id", "d", "target", "h:99999", "oids", "1.3.6.1.2.1.1.3.0"));
        assertEquals("SNMP driver d: poll_interval '0' is invalid: must be a positive number of seconds",
                error("id", "d", "target", "h", "poll_interval", "0", "oids", "1.3.6.1.2.1.1.3.0"));
        assertEquals("SNMP driver d: no points: set profile, points or oids", error("id", "d", "target", "h"));
        assertEquals("SNMP driver d: auth_protocol 'SHA-1024' is invalid: use none, MD5, SHA, SHA-224, SHA-256, SHA-384 or SHA-512",
                error("id", "d", "target", "h", "version", "3", "user", "u", "auth_protocol", "SHA-1024", "oids", "1.3.6.1.2.1.1.3.0"));
        assertEquals("SNMP driver d: priv_protocol AES needs an auth_protocol (there is no noAuthPriv level)",
                error("id", "d", "target", "h", "version", "3", "user", "u", "priv_protocol", "AES",
                        "priv_passphrase", "12345678", "oids", "1.3.6.1.2.1.1.3.0"));
    }

    @Test
    void secretsAppearInNoMessageAndNoToString() {
        String shortPass = "s3cr";
        String msg = error("id", "d", "target", "h", "version", "3", "user", "u", "auth_protocol", "SHA-256",
                "auth_passphrase", shortPass, "oids", "1.3.6.1.2.1.1.3.0");
        assertEquals("SNMP driver d: auth_passphrase must have at least 8 characters (RFC 3414)", msg);
        DriverSettings v3 = settings("id", "d", "target", "h", "version", "3", "user", "u", "auth_protocol", "SHA-512",
                "auth_passphrase", "auth-secret-1", "priv_protocol", "AES-256", "priv_passphrase", "priv-secret-2",
                "oids", "1.3.6.1.2.1.1.3.0");
        DriverSettings v2 = settings("id", "d", "target", "h", "community", "comm-secret-3", "oids", "1.3.6.1.2.1.1.3.0");
        String text = v3.toString() + v3.session().agent() + v2 + v2.session().agent();
        for (String secret : new String[] {"auth-secret-1", "priv-secret-2", "comm-secret-3"}) {
            assertFalse(text.contains(secret), text);
        }
        assertEquals("udp:h:161 v3 user=u level=authPriv auth=SHA512 priv=AES256 timeout=2000ms retries=1",
                v3.session().agent().toString());
    }
}
