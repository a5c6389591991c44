package io.esnode.pue.internal;

import io.esnode.api.Reading;
import java.util.ArrayList;
import java.util.List;

/** Several selectors OR-ed: the points feeding one side (IT or facility) of a PUE scope. */
public final class PointSelection {
    private final List<PointSelector> selectors;

    private PointSelection(List<PointSelector> selectors) {
        this.selectors = selectors;
    }

    /** Parses the array of one configuration key; an error names the key and the bad selector. */
    public static PointSelection parse(String key, String[] texts) {
        if (texts == null || texts.length == 0) {
            throw new IllegalArgumentException(key + " has no selector");
        }
        List<PointSelector> list = new ArrayList<>(texts.length);
        for (String t : texts) {
            try {
                list.add(PointSelector.parse(t));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
            }
        }
        return new PointSelection(List.copyOf(list));
    }

    public boolean matches(Reading r) {
        for (PointSelector s : selectors) {
            if (s.matches(r)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return selectors.toString();
    }
}
