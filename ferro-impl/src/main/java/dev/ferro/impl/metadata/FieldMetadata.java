package dev.ferro.impl.metadata;

import dev.ferro.ColumnType;
import dev.ferro.ValueOutOfRangeException;

import java.lang.invoke.MethodHandle;

/**
 * One persistent field of a model: its column and how to read and write it on an instance.
 *
 * <p>A foreign key is a column too: its type and kind are those of the target's id, {@link #get}
 * returns the key its {@code Ref} holds, and {@link #set} takes a {@code Ref}.
 *
 * <p>A field of an application's value type has a {@link ColumnType}: its {@link #kind} is that of
 * the stored type, and values cross between the two where they are bound and read
 * ({@code sql.Dialect#binder}, {@code sql.Dialect#reader}); everywhere else, as in {@link #get} and
 * {@link #set}, a value is the field's own.
 */
public final class FieldMetadata {
    private final Class<?> model;
    private final String name;
    private final String column;
    private final Class<?> type;
    private final ValueKind kind;
    private final boolean primitive;
    private final boolean nullable;
    private final int length;
    private final int precision;
    private final int scale;
    private final boolean id;
    private final boolean generated;
    private final FieldAccess access;
    private final ForeignKeyMetadata foreignKey;
    /** Null for a type Ferro stores itself. */
    private final ColumnType<Object, Object> columnType;
    /** The column's name before a rename, or null. */
    private final String renamedFrom;
    /** The column's database default as a value's text, or null. */
    private final String defaultValue;

    FieldMetadata(Class<?> model, String name, String column, Class<?> type, ValueKind kind, boolean primitive,
                  boolean nullable, int length, int precision, int scale, boolean id, boolean generated,
                  FieldAccess access, ForeignKeyMetadata foreignKey, ColumnType<Object, Object> columnType,
                  String renamedFrom, String defaultValue) {
        this.model = model;
        this.name = name;
        this.column = column;
        this.type = type;
        this.kind = kind;
        this.primitive = primitive;
        this.nullable = nullable;
        this.length = length;
        this.precision = precision;
        this.scale = scale;
        this.id = id;
        this.generated = generated;
        this.access = access;
        this.foreignKey = foreignKey;
        this.columnType = columnType;
        this.renamedFrom = renamedFrom;
        this.defaultValue = defaultValue;
    }

    /** The column's name before a rename ({@code @Column(renamedFrom)}), for migrations; null when there was none. */
    public String renamedFrom() {
        return renamedFrom;
    }

    /** The column's database default ({@code @Column(defaultValue)}), a value of its kind as text; null when there is none. */
    public String defaultValue() {
        return defaultValue;
    }

    /** The foreign key this column holds, or null for a plain column. */
    public ForeignKeyMetadata foreignKey() {
        return foreignKey;
    }

    public Class<?> model() {
        return model;
    }

    /** The Java field name. */
    public String name() {
        return name;
    }

    /** The column name, unquoted. */
    public String column() {
        return column;
    }

    /** The field's type, boxed for primitives. */
    public Class<?> type() {
        return type;
    }

    /** The kind of the stored values: of the field's type, or of its column type's stored type. */
    public ValueKind kind() {
        return kind;
    }

    /** The application's column type this field is stored with, or null when Ferro stores its type itself. */
    public ColumnType<Object, Object> columnType() {
        return columnType;
    }

    /** The class of the stored values: the field's type, or its column type's stored type (boxed). */
    public Class<?> storedType() {
        return columnType == null ? type : ModelReader.box(columnType.storedType());
    }

    /** A field value as it is stored: itself, or its column type's conversion (null stays null). */
    public Object toStored(Object value) {
        if (columnType == null || value == null) {
            return value;
        }
        Object stored;
        try {
            stored = columnType.toStored(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(this + " cannot be stored: " + columnType + " refused " + value + ": " + e.getMessage(), e);
        }
        if (stored == null) {
            throw new IllegalArgumentException(this + " cannot be stored: " + columnType + " turned " + value + " into null");
        }
        return stored;
    }

    /** A stored value as the field holds it (null stays null); a value the column type refuses is a {@link ValueOutOfRangeException}. */
    public Object fromStored(Object stored) {
        if (columnType == null || stored == null) {
            return stored;
        }
        try {
            return columnType.fromStored(stored);
        } catch (RuntimeException e) {
            throw new ValueOutOfRangeException(model, name, String.valueOf(stored), columnType + " refused it: " + e.getMessage(), e);
        }
    }

    public boolean primitive() {
        return primitive;
    }

    public boolean nullable() {
        return nullable;
    }

    /** The length of a String or enum column; {@link dev.ferro.Column#UNLIMITED} for unbounded text. */
    public int length() {
        return length;
    }

    public int precision() {
        return precision;
    }

    public int scale() {
        return scale;
    }

    public boolean isId() {
        return id;
    }

    /** Whether the database generates this (id) column's value. */
    public boolean generated() {
        return generated;
    }

    /** The column's value: for a foreign key, the key of its {@code Ref} (null when the field is null). */
    public Object get(Object instance) {
        if (foreignKey != null) {
            return foreignKey.keyOf(this, fieldValue(instance));
        }
        return fieldValue(instance);
    }

    /** The field's own value: for a foreign key, the {@code Ref}. */
    public Object fieldValue(Object instance) {
        return access.read(instance);
    }

    /** Sets the field (a {@code Ref} for a foreign key); a null for a primitive field leaves its default in place. */
    public void set(Object instance, Object value) {
        if (value == null && primitive) {
            return;
        }
        access.write(instance, value);
    }

    /**
     * The handle {@link #set} calls, typed {@code (Object,Object)void}, for combining with other
     * fields' handles; unlike {@link #set} it does not skip a null for a primitive field.
     */
    public MethodHandle setter() {
        return access.setter();
    }

    /** Whether an id value means "not assigned yet": null, or zero for a primitive. */
    public boolean isUnset(Object value) {
        return value == null || (primitive && value instanceof Number number && number.longValue() == 0);
    }

    /**
     * Converts a value given for this field (a key passed to {@code get}) to the field's type: an
     * integer of another width when it fits, never narrowed (4294967297 is no {@code Integer}, and
     * must not become 1); anything else of the wrong type is an error naming the field.
     */
    public Object coerce(Object value) {
        if (value == null || type.isInstance(value)) {
            return value;
        }
        if (kind.isIntegral() && (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte || value instanceof java.math.BigDecimal || value instanceof java.math.BigInteger)) {
            // A key read from JSON arrives as a BigDecimal.
            Long whole = exactLong((Number) value);
            if (whole != null) {
                long v = whole;
                switch (kind) {
                    case SHORT -> {
                        if ((short) v == v) {
                            return (short) v;
                        }
                    }
                    case INT -> {
                        if ((int) v == v) {
                            return (int) v;
                        }
                    }
                    default -> {
                        return v;
                    }
                }
            }
            throw new IllegalArgumentException(this + " is " + type.getSimpleName() + ": " + value + " does not fit it");
        }
        throw new IllegalArgumentException(this + " is " + type.getSimpleName() + ", got "
                + value.getClass().getSimpleName() + " " + value);
    }

    /** The number as a long when it is a whole number within long's range, else null. */
    private static Long exactLong(Number number) {
        try {
            if (number instanceof java.math.BigDecimal decimal) {
                return decimal.longValueExact();
            }
            if (number instanceof java.math.BigInteger integer) {
                return integer.longValueExact();
            }
            return number.longValue();
        } catch (ArithmeticException notWholeOrTooLarge) {
            return null;
        }
    }

    @Override
    public String toString() {
        return model.getSimpleName() + "." + name;
    }
}
