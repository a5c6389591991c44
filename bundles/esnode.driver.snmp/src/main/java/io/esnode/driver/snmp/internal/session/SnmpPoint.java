package io.esnode.driver.snmp.internal.session;

import io.esnode.api.Point;
import io.esnode.driver.snmp.internal.codec.NumberInText;
import java.util.List;
import java.util.Map;
import org.snmp4j.smi.OID;

/**
 * A configured point and where its value comes from: a scalar instance OID read by GET, or a table column walked
 * by GETBULK, whose row index and chosen label columns become run-time labels.
 *
 * @param point        the common point
 * @param oid          scalar: the instance OID; table: the column OID (entry OID + column number)
 * @param table        whether {@code oid} is a column to walk
 * @param indexLabels  table: label names for the index sub-identifiers (the last takes the rest); may be empty
 * @param labelColumns table: label name to column OID (same index) whose value is the label
 * @param numbers      how a number is found in an OctetString value
 */
public record SnmpPoint(Point point, OID oid, boolean table, List<String> indexLabels, Map<String, OID> labelColumns,
                        NumberInText numbers) {

    public SnmpPoint {
        indexLabels = List.copyOf(indexLabels);
        labelColumns = Map.copyOf(labelColumns);
    }
}
