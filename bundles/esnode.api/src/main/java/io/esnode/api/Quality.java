package io.esnode.api;

import java.util.Objects;

/** Whether a reading can be trusted: good, stale (old but once good) or bad (with the reason). */
public record Quality(Code code, String reason) {

    public enum Code { GOOD, STALE, BAD }

    public static final Quality GOOD = new Quality(Code.GOOD, "");

    public Quality {
        Objects.requireNonNull(code, "code");
        reason = reason == null ? "" : reason;
    }

    public static Quality bad(String reason) {
        return new Quality(Code.BAD, reason);
    }

    public static Quality stale(String reason) {
        return new Quality(Code.STALE, reason);
    }

    public boolean isGood() {
        return code == Code.GOOD;
    }
}
