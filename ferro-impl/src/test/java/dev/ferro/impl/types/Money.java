package dev.ferro.impl.types;

import java.math.BigDecimal;
import java.util.Objects;

/** An application's value type, stored as a decimal column by {@link MoneyType}. */
public record Money(BigDecimal amount) {
    public Money {
        Objects.requireNonNull(amount, "amount");
    }

    public static Money of(String amount) {
        return new Money(new BigDecimal(amount));
    }

    /** Equal amounts are equal money whatever their scale: 12.5 read back from a column of scale 2 is 12.50. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Money money && amount.compareTo(money.amount) == 0;
    }

    @Override
    public int hashCode() {
        return amount.stripTrailingZeros().hashCode();
    }
}
