package org.longlag.models.cell;

/** Constructor checks shared by cell records: each names the field and the allowed range. */
public final class CellChecks {

    private CellChecks() {
    }

    public static void positive(String field, int value) {
        if (value < 1) throw new IllegalArgumentException(field + " must be at least 1, got " + value);
    }

    public static void finite(String field, double value) {
        if (!Double.isFinite(value)) throw new IllegalArgumentException(field + " must be finite, got " + value);
    }

    public static void positive(String field, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be positive and finite, got " + value);
        }
    }

    public static void nonNegative(String field, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be non-negative and finite, got " + value);
        }
    }

    public static void inRange(String field, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi)) {
            throw new IllegalArgumentException(field + " must be in [" + lo + ", " + hi + "], got " + value);
        }
    }

    public static <T> T notNull(String field, T value) {
        if (value == null) throw new IllegalArgumentException(field + " must be given");
        return value;
    }
}
