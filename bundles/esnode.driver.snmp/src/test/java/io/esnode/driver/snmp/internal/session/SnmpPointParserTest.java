package io.esnode.driver.snmp.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.esnode.api.Quantity;
import io.esnode.api.util.PointSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.Variable;

class SnmpPointParserTest {
    private static final Duration TTL = Duration.ofSeconds(30);

    static SnmpPoint parse(String spec) {
        return SnmpPointParser.parse(PointSpec.parse(spec), TTL, Map.of("site", "s1"));
    }

    @Test
    void scalarPointKeepsOidAndGetsDriverLabelsAndDefaultTtl() {
        SnmpPoint p = parse("name=v;oid=.1.3.6.1.2.1.33.1.2.5.0;quantity=voltage;unit=V;scale=0.1;label.rack=r1");
        assertFalse(p.table());
        assertEquals(new OID("1.3.6.1.2.1.33.1.2.5.0"), p.oid());
        assertEquals(Map.of("rack", "r1", "site", "s1"), p.point().labels());
        assertEquals(TTL, p.point().ttl());
        assertEquals(Quantity.VOLTAGE, p.point().quantity());
    }

    @Test
    void tableColumnAndLabelColumnsResolveBelowTheEntry() {
        SnmpPoint p = parse("name=p;table=1.3.6.1.4.1.318.1.1.26.9.4.3.1;column=7;index_labels=outlet;"
                + "label_columns=outlet_name:3,if_name:1.3.6.1.2.1.31.1.1.1.1");
        assertTrue(p.table());
        assertEquals(new OID("1.3.6.1.4.1.318.1.1.26.9.4.3.1.7"), p.oid());
        assertEquals(List.of("outlet"), p.indexLabels());
        assertEquals(Map.of("outlet_name", new OID("1.3.6.1.4.1.318.1.1.26.9.4.3.1.3"),
                "if_name", new OID("1.3.6.1.2.1.31.1.1.1.1")), p.labelColumns());
    }

    @Test
    void multiPartIndexIsSplitOverTheIndexLabels() {
        SnmpPoint p = parse("name=p;column=1.3.6.1.4.1.9.1.5;index_labels=phase,outlet");
        Map<OID, TreeMap<OID, Variable>> columns = Map.of();
        // index 2.14.3: phase = 2, outlet = the rest "14.3"
        assertEquals(Map.of("phase", "2", "outlet", "14.3"), ReadingMapper.rowLabels(p, new OID("2.14.3"), columns));
        SnmpPoint named = parse("name=q;table=1.3.6.1.4.1.9.1;column=5;index_labels=none;label_columns=n:2");
        TreeMap<OID, Variable> names = new TreeMap<>(Map.of(new OID("4"), new OctetString("psu-a")));
        assertEquals(Map.of("n", "psu-a"), ReadingMapper.rowLabels(named, new OID("4"),
                Map.of(new OID("1.3.6.1.4.1.9.1.2"), names)));
    }

    @Test
    void badSpecsNameTheProblem() {
        assertEquals("point 'x': needs oid=<instance OID> or table=<entry OID>;column=<n>",
                assertThrows(IllegalArgumentException.class, () -> parse("name=x")).getMessage());
        assertEquals("point 'x': oid 'ifInOctets' is not a numeric OID",
                assertThrows(IllegalArgumentException.class, () -> parse("name=x;oid=ifInOctets")).getMessage());
        assertEquals("point 'x': column '7' is a column number, so table=<entry OID> is required",
                assertThrows(IllegalArgumentException.class, () -> parse("name=x;column=7")).getMessage());
        assertEquals("point 'x': set either oid (scalar) or table/column, not both",
                assertThrows(IllegalArgumentException.class, () -> parse("name=x;oid=1.3.6;table=1.3.6;column=2")).getMessage());
        assertEquals("point 'x': 'driver' is not a usable label name",
                assertThrows(IllegalArgumentException.class, () -> parse("name=x;table=1.3.6;column=2;index_labels=driver")).getMessage());
        assertEquals("point 'x': oid '1.3.4294967296' has a sub-identifier above 4294967295",
                assertThrows(IllegalArgumentException.class, () -> parse("name=x;oid=1.3.4294967296")).getMessage());
    }
}
