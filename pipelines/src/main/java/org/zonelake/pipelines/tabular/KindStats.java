package org.zonelake.pipelines.tabular;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * What the values seen so far in one column can all be read as. Mergeable, so Spark can infer per partition
 * and combine; a blank value is a null and fits every kind.
 */
public final class KindStats implements Serializable {
    private static final long serialVersionUID = 1L;
    // Every kind but TEXT, the last: a candidate's index is its ordinal.
    private static final ValueKind[] CANDIDATES = Arrays.stream(ValueKind.values()).filter(k -> k != ValueKind.TEXT).toArray(ValueKind[]::new);

    private final boolean[] fits = new boolean[CANDIDATES.length];
    private long values;
    private int scale;
    private int integerDigits;

    public KindStats() {
        Arrays.fill(fits, true);
    }

    /** Records one value (untrimmed, {@code null} or blank for a null). */
    public KindStats add(String raw) {
        if (raw == null || raw.isBlank()) {
            return this;
        }
        String value = raw.strip();
        values++;
        for (int i = 0; i < CANDIDATES.length; i++) {
            if (fits[i] && !CANDIDATES[i].fits(value)) {
                fits[i] = false;
            }
        }
        if (fits[ValueKind.DECIMAL.ordinal()]) {
            BigDecimal number = new BigDecimal(value);
            scale = Math.max(scale, Math.max(number.scale(), 0));
            integerDigits = Math.max(integerDigits, ValueKind.integerDigits(number));
        }
        return this;
    }

    public KindStats merge(KindStats other) {
        for (int i = 0; i < fits.length; i++) {
            fits[i] &= other.fits[i];
        }
        values += other.values;
        scale = Math.max(scale, other.scale);
        integerDigits = Math.max(integerDigits, other.integerDigits);
        return this;
    }

    /** Non-null values seen. */
    public long values() {
        return values;
    }

    /** The narrowest kind every value fits; text for a column of nulls only. */
    public ValueKind kind() {
        if (values == 0) {
            return ValueKind.TEXT;
        }
        for (ValueKind kind : CANDIDATES) {
            if (fits[kind.ordinal()] && (kind != ValueKind.DECIMAL || integerDigits + scale <= ValueKind.MAX_PRECISION)) {
                return kind;
            }
        }
        return ValueKind.TEXT;
    }

    /** Decimal places of the column if it is {@link ValueKind#DECIMAL}. */
    public int scale() {
        return kind() == ValueKind.DECIMAL ? scale : 0;
    }
}
