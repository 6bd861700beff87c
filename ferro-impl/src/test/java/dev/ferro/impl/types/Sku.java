package dev.ferro.impl.types;

import dev.ferro.ColumnType;

/** A value type stored as a string by {@link #TYPE}, which only the options of the test that uses it register. */
public record Sku(String code) {
    public static final ColumnType<Sku, String> TYPE = ColumnType.of(Sku.class, String.class, Sku::code, Sku::new);
}
