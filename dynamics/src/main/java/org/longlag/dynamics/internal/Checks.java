package org.longlag.dynamics.internal;

/**
 * Argument checks that fail with a message naming the field and its allowed range.
 *
 * <p>Internal to the dynamics module; not part of its API.
 */
public final class Checks {

    private Checks() {
    }

    /** Requires a finite value. */
    public static double finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number, was " + value);
        }
        return value;
    }

    /** Requires a finite value &gt; 0. */
    public static double positive(String field, double value) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new IllegalArgumentException(field + " must be a finite number > 0, was " + value);
        }
        return value;
    }

    /** Requires a finite value &gt;= 0. */
    public static double nonNegative(String field, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(field + " must be a finite number >= 0, was " + value);
        }
        return value;
    }

    /** Requires {@code value >= min}. */
    public static int atLeast(String field, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(field + " must be >= " + min + ", was " + value);
        }
        return value;
    }

    /** Requires an array of the given length. */
    public static double[] length(String field, double[] values, int expected) {
        if (values == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        if (values.length != expected) {
            throw new IllegalArgumentException(
                    field + " must have length " + expected + ", was " + values.length);
        }
        return values;
    }

    /** Requires a non-null array of finite values, of the given length. */
    public static double[] finiteVector(String field, double[] values, int expected) {
        length(field, values, expected);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(field + "[" + i + "] must be finite, was " + values[i]);
            }
        }
        return values;
    }
}
