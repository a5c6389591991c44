package io.esnode.metrics.internal;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The label values of a sample of a counter read as an unsigned 64-bit integer (SNMP Counter64, Modbus uint64),
 * carrying that integer along. A sample's {@code value} is a double, which above 2^53 has lost digits;
 * {@link ExpositionWriter} prints the integer instead.
 * <p>
 * The integer rides on the label values rather than on a Sample subclass because simpleclient rebuilds the samples
 * of every counter family (in the {@code MetricFamilySamples} constructor, in {@code filter}, when the registry
 * merges families) but always hands the same label value list on to the new sample.
 */
public final class ExactCounterLabels extends AbstractList<String> implements RandomAccess {
    private final List<String> values;
    private final long exactUnsigned;

    public ExactCounterLabels(List<String> values, long exactUnsigned) {
        this.values = values;
        this.exactUnsigned = exactUnsigned;
    }

    @Override
    public String get(int index) {
        return values.get(index);
    }

    @Override
    public int size() {
        return values.size();
    }

    /** The value as an unsigned 64-bit integer (a negative long stands for a value of 2^63 or more). */
    public long exactUnsigned() {
        return exactUnsigned;
    }
}
