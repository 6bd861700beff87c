package dev.ferro.impl.sql;

import dev.ferro.Aggregate;
import dev.ferro.Attribute;
import dev.ferro.Expression;
import dev.ferro.InvalidQueryException;
import dev.ferro.Ref;
import dev.ferro.impl.metadata.FieldMetadata;
import dev.ferro.impl.metadata.ValueKind;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * One column of a projection's {@code SELECT} list: a field's column, or an aggregate over one (or over the rows,
 * for {@code COUNT(*)}), with the Java type it gives, whether it may be NULL and the reader of its values.
 *
 * @param function the aggregate, or null for a plain column
 * @param field the column read or aggregated; null for {@code COUNT(*)}
 * @param type the Java type of the values ({@code Ref} for a foreign key)
 * @param nullable whether a value may be NULL
 * @param reader the values as {@code type} (a foreign key's as its key, made a {@code Ref} by the caller)
 */
public record SelectedColumn(Expression<?, ?> expression, Aggregate.Function function, FieldMetadata field, Class<?> type,
                             boolean nullable, ValueReader reader) {

    /**
     * The column of {@code expression} in a query of {@code sql}'s model, grouped or not: a group always has a row,
     * so an aggregate of a NOT NULL column is NULL only over the no rows of an ungrouped query.
     */
    public static SelectedColumn of(ModelSql<?> sql, Expression<?, ?> expression, boolean grouped) {
        if (expression instanceof Attribute<?, ?> attribute && attribute.via() != null) {
            // The related model's column, read as that model reads it; NULL when there is no related row.
            List<ModelSql<?>> models = ConditionSql.models(sql, ConditionSql.hopsOf(attribute));
            ModelSql<?> last = models.get(models.size() - 1);
            FieldMetadata field = last.field(QueryRenderer.leaf(attribute));
            if (field.foreignKey() != null) {
                throw new InvalidQueryException("select(" + attribute + ") is refused: it ends at a foreign key; select the"
                        + " path to its target's id (to(...)) instead");
            }
            return new SelectedColumn(expression, null, field, field.type(), true, last.dialect().reader(field));
        }
        if (expression instanceof Attribute<?, ?> attribute) {
            FieldMetadata field = sql.field(attribute);
            Class<?> type = field.foreignKey() != null ? Ref.class : field.type();
            return new SelectedColumn(expression, null, field, type, field.nullable(), sql.dialect().reader(field));
        }
        Aggregate<?, ?> aggregate = (Aggregate<?, ?>) expression;
        Aggregate.Function function = aggregate.function();
        if (function == Aggregate.Function.COUNT) {
            return new SelectedColumn(expression, function, null, Long.class, false, SelectedColumn::readLong);
        }
        FieldMetadata field = sql.field(aggregate.attribute());
        boolean nullable = function != Aggregate.Function.COUNT_DISTINCT && (!grouped || field.nullable());
        return new SelectedColumn(expression, function, field, aggregate.type(), nullable, reader(sql.dialect(), aggregate, field));
    }

    /** What the database gives for each aggregate, read as the aggregate's Java type on every database. */
    private static ValueReader reader(Dialect dialect, Aggregate<?, ?> aggregate, FieldMetadata field) {
        Class<?> type = aggregate.type();
        switch (aggregate.function()) {
            case MIN, MAX:
                return dialect.reader(field);
            case COUNT_DISTINCT:
                return SelectedColumn::readLong;
            default:
                break;
        }
        // SUM and AVG: a whole-number column's sum is a Long (MariaDB's a DECIMAL, PostgreSQL's of a bigint a
        // numeric) and its average a Double (a numeric on PostgreSQL and MariaDB, a double on H2 and SQLite).
        if (type == Long.class) {
            return SelectedColumn::readLong;
        }
        if (type == Double.class) {
            return (row, column) -> {
                double value = row.getDouble(column);
                return row.wasNull() ? null : value;
            };
        }
        if (type == Float.class) {
            return (row, column) -> {
                float value = row.getFloat(column);
                return row.wasNull() ? null : value;
            };
        }
        if (field.kind() == ValueKind.DECIMAL) {
            boolean sum = aggregate.function() == Aggregate.Function.SUM;
            return (row, column) -> dialect.decimalAggregate(row, column, sum ? field.scale() : -1);
        }
        throw new IllegalStateException("No reader for " + aggregate + " of " + field.kind());
    }

    private static Object readLong(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    /** Whether the model's own getter may read it into a primitive: no conversion, and no {@code Ref} to make. */
    public boolean plainReadable() {
        return field == null || function != null || (field.columnType() == null && field.foreignKey() == null);
    }

    /** What a projection's misfit names: {@code views} or {@code sum(Post.views)}. */
    public String label() {
        return function == null ? field.name() : expression.toString();
    }

    @Override
    public String toString() {
        return function == null ? field.toString() : expression.toString();
    }
}
