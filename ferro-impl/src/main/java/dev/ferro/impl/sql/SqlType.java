package dev.ferro.impl.sql;

import dev.ferro.impl.metadata.FieldMetadata;

/**
 * How one database keeps one value kind: the SQL type of its columns, the binder of its values and the
 * reader that turns a column back into them. A dialect holds one for every kind ({@link SqlTypes}),
 * replacing the standard ones its database keeps differently; a field of an application's
 * {@code ColumnType} uses the one of its stored type.
 *
 * @param declaration the column's SQL type, which may depend on its length, precision and scale
 * @param binder binds a value of the kind, or null
 * @param reading the reader of a field's column, which may depend on the field (an enum's class, a decimal's scale)
 */
public record SqlType(Declaration declaration, ValueBinder binder, Reading reading) {
    /**
     * The SQL type of a column of the kind, by its size: a string's length ({@code Column.UNLIMITED} for
     * unbounded text) or an enum's, a decimal's precision and scale, 0 where the kind has none.
     */
    @FunctionalInterface
    public interface Declaration {
        String of(int length, int precision, int scale);
    }

    /** The reader of a field's column. */
    @FunctionalInterface
    public interface Reading {
        ValueReader of(FieldMetadata field);
    }

    /** A kind whose column type and reader do not depend on the field. */
    public static SqlType of(String columnType, ValueBinder binder, ValueReader reader) {
        return new SqlType((length, precision, scale) -> columnType, binder, field -> reader);
    }

    /** This type under another column type: the database declares it differently but binds and reads it the same. */
    public SqlType declared(String columnType) {
        return new SqlType((length, precision, scale) -> columnType, binder, reading);
    }

    /** This type under a column type that depends on the column's size. */
    public SqlType declared(Declaration declaration) {
        return new SqlType(declaration, binder, reading);
    }
}
