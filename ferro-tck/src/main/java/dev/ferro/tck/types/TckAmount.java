package dev.ferro.tck.types;

import java.math.BigDecimal;
import java.util.Objects;

/** An application's value type: an amount of money, stored as a decimal column by {@link TckAmountType}. */
public record TckAmount(BigDecimal value) {
    public TckAmount {
        Objects.requireNonNull(value, "value");
    }

    public static TckAmount of(String value) {
        return new TckAmount(new BigDecimal(value));
    }

    /** Equal values are equal amounts whatever their scale: 12.5 read from a column of scale 2 is 12.50. */
    @Override
    public boolean equals(Object other) {
        return other instanceof TckAmount amount && value.compareTo(amount.value) == 0;
    }

    @Override
    public int hashCode() {
        return value.stripTrailingZeros().hashCode();
    }
}
