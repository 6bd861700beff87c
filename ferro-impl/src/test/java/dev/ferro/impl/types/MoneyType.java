package dev.ferro.impl.types;

import dev.ferro.ColumnType;

import java.math.BigDecimal;

/**
 * Registered as a service in the test resources ({@code META-INF/services/dev.ferro.ColumnType}), as
 * every type of a model in the test sources must be: the models of the index are read by every
 * Ferro connected without explicit models.
 */
public final class MoneyType implements ColumnType<Money, BigDecimal> {
    @Override
    public Class<Money> javaType() {
        return Money.class;
    }

    @Override
    public Class<BigDecimal> storedType() {
        return BigDecimal.class;
    }

    @Override
    public BigDecimal toStored(Money value) {
        return value.amount();
    }

    @Override
    public Money fromStored(BigDecimal value) {
        return new Money(value);
    }
}
