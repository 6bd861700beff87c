package dev.ferro.tck.types;

import dev.ferro.ColumnType;

import java.math.BigDecimal;

/** The column type of {@link TckAmount}, registered in the deployment's {@code META-INF/services/dev.ferro.ColumnType}. */
public final class TckAmountType implements ColumnType<TckAmount, BigDecimal> {
    @Override
    public Class<TckAmount> javaType() {
        return TckAmount.class;
    }

    @Override
    public Class<BigDecimal> storedType() {
        return BigDecimal.class;
    }

    @Override
    public BigDecimal toStored(TckAmount value) {
        return value.value();
    }

    @Override
    public TckAmount fromStored(BigDecimal value) {
        return new TckAmount(value);
    }
}
