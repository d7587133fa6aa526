package org.longlag.models.registry;

/**
 * Checks for the constructors of options records ({@link Options}): each failure names the option
 * as the user writes it and the allowed range, e.g. "memory-rows must be at least 1, got 0".
 */
public final class OptionChecks {

    private OptionChecks() {
    }

    public static void atLeast(String option, int value, int min) {
        if (value < min) throw new IllegalArgumentException(option + " must be at least " + min + ", got " + value);
    }

    public static void atLeast(String option, double value, double min) {
        if (!(value >= min) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(option + " must be finite and at least " + show(min) + ", got " + value);
        }
    }

    public static void positive(String option, double value) {
        if (!(value > 0) || !Double.isFinite(value)) throw new IllegalArgumentException(option + " must be positive and finite, got " + value);
    }

    public static void finite(String option, double value) {
        if (!Double.isFinite(value)) throw new IllegalArgumentException(option + " must be finite, got " + value);
    }

    /** lo &lt;= value &lt;= hi. */
    public static void inRange(String option, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi)) {
            throw new IllegalArgumentException(option + " must be in [" + show(lo) + ", " + show(hi) + "], got " + value);
        }
    }

    /** lo &lt; value &lt;= hi. */
    public static void inHalfOpen(String option, double value, double lo, double hi) {
        if (!(value > lo && value <= hi)) {
            throw new IllegalArgumentException(option + " must be in (" + show(lo) + ", " + show(hi) + "], got " + value);
        }
    }

    /** lo &lt; value &lt; hi. */
    public static void inOpen(String option, double value, double lo, double hi) {
        if (!(value > lo && value < hi)) {
            throw new IllegalArgumentException(option + " must be in (" + show(lo) + ", " + show(hi) + "), got " + value);
        }
    }

    /** An enum or string option given as null (possible only from Java). */
    public static void given(String option, Object value) {
        if (value == null) throw new IllegalArgumentException(option + " must be given");
    }

    private static String show(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
