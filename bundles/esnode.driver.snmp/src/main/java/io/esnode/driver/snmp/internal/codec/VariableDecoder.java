package io.esnode.driver.snmp.internal.codec;

import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.Opaque;
import org.snmp4j.smi.SMIConstants;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.UnsignedInteger32;
import org.snmp4j.smi.Variable;

/**
 * SMI values to numbers and labels. Integer32, Gauge32 and Unsigned32 are plain numbers; Counter32 and Counter64
 * keep their exact unsigned value; TimeTicks become seconds; Opaque float/double (Net-SNMP) become the number;
 * an OctetString holding a number is parsed with a {@link NumberInText}. noSuchObject, noSuchInstance and
 * endOfMibView are "missing", never a number.
 */
public final class VariableDecoder {
    private VariableDecoder() {
    }

    /** True for the SNMPv2 exceptions and Null: the agent has no value for this OID. */
    public static boolean isMissing(Variable v) {
        if (v == null) {
            return true;
        }
        int s = v.getSyntax();
        return s == SMIConstants.EXCEPTION_NO_SUCH_OBJECT || s == SMIConstants.EXCEPTION_NO_SUCH_INSTANCE
                || s == SMIConstants.EXCEPTION_END_OF_MIB_VIEW || s == SMIConstants.SYNTAX_NULL;
    }

    /** The reason text of a missing value ({@code noSuchObject}, …). */
    public static String missingReason(Variable v) {
        if (v == null) {
            return "no value";
        }
        switch (v.getSyntax()) {
            case SMIConstants.EXCEPTION_NO_SUCH_OBJECT: return "noSuchObject";
            case SMIConstants.EXCEPTION_NO_SUCH_INSTANCE: return "noSuchInstance";
            case SMIConstants.EXCEPTION_END_OF_MIB_VIEW: return "endOfMibView";
            default: return "null";
        }
    }

    public static NumericValue toNumber(Variable v, NumberInText text) throws DecodeException {
        if (isMissing(v)) {
            throw new DecodeException("no value: " + missingReason(v));
        }
        // subclasses first: Counter32, Gauge32 and TimeTicks extend UnsignedInteger32; Opaque extends OctetString
        if (v instanceof Counter64 c) {
            return NumericValue.ofUnsigned(c.getValue());
        }
        if (v instanceof Counter32 c) {
            return NumericValue.ofUnsigned(c.getValue());
        }
        if (v instanceof TimeTicks t) {
            return NumericValue.of(t.getValue() / 100.0);
        }
        if (v instanceof Gauge32 || v instanceof UnsignedInteger32) {
            return NumericValue.of(((UnsignedInteger32) v).getValue());
        }
        if (v instanceof Integer32 i) {
            return NumericValue.of(i.getValue());
        }
        if (v instanceof Opaque o) {
            return OpaqueNumber.decode(o.getValue());
        }
        if (v instanceof OctetString s) {
            return NumericValue.of(text.parse(LabelText.clean(s.getValue())));
        }
        throw new DecodeException(v.getSyntaxString() + " is not a number");
    }

    /** A label value: text cleaned of invalid UTF-8, IpAddress dotted, numbers in decimal, OIDs dotted. */
    public static String toLabel(Variable v) {
        if (isMissing(v)) {
            return "";
        }
        if (v instanceof Opaque o) {
            try {
                NumericValue n = OpaqueNumber.decode(o.getValue());
                return n.exact() ? Long.toUnsignedString(n.unsigned()) : Double.toString(n.value());
            } catch (DecodeException e) {
                return o.toHexString();
            }
        }
        if (v instanceof OctetString s) {
            return LabelText.clean(s.getValue());
        }
        if (v instanceof IpAddress ip) {
            return ip.toString();
        }
        if (v instanceof OID oid) {
            return oid.toDottedString();
        }
        if (v instanceof Counter64 c) {
            return Long.toUnsignedString(c.getValue());
        }
        return v.toString();
    }
}
