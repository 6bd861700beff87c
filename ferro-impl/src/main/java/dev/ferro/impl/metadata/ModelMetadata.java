package dev.ferro.impl.metadata;

import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What Ferro knows about one model class, read once by {@link ModelReader}: the table, the fields
 * in declaration order (superclass fields first), the id, unique constraints and indexes.
 */
public final class ModelMetadata<M> {
    private final Class<M> type;
    private final String table;
    private final List<FieldMetadata> fields;
    private final FieldMetadata id;
    private final List<IndexMetadata> indexes;
    private final Map<String, FieldMetadata> byName;
    private final MethodHandle constructor;

    ModelMetadata(Class<M> type, String table, List<FieldMetadata> fields, FieldMetadata id,
                  List<IndexMetadata> indexes, Map<String, FieldMetadata> byName, MethodHandle constructor) {
        this.type = type;
        this.table = table;
        this.fields = List.copyOf(fields);
        this.id = id;
        this.indexes = List.copyOf(indexes);
        this.byName = Map.copyOf(byName);
        this.constructor = constructor;
    }

    public Class<M> type() {
        return type;
    }

    public String name() {
        return type.getSimpleName();
    }

    /** The table name, unquoted. */
    public String table() {
        return table;
    }

    /** Every persistent field, the id included, in column order. */
    public List<FieldMetadata> fields() {
        return fields;
    }

    public FieldMetadata id() {
        return id;
    }

    /** Unique constraints and indexes, single-column ones included. */
    public List<IndexMetadata> indexes() {
        return indexes;
    }

    /**
     * The field with this Java name.
     *
     * @throws IllegalArgumentException naming the model when there is none
     */
    public FieldMetadata field(String name) {
        FieldMetadata field = byName.get(name);
        if (field == null) {
            throw new IllegalArgumentException("Model " + type.getSimpleName() + " has no persistent field '" + name + "'");
        }
        return field;
    }

    public M newInstance() {
        try {
            return type.cast((Object) constructor.invokeExact());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Cannot instantiate " + type.getName(), e);
        }
    }

    /**
     * The unique constraint a database error message speaks of: by name, or else by its columns
     * (SQLite names columns, not constraints). Null when none matches.
     */
    public IndexMetadata uniqueMentionedIn(String message) {
        if (message == null) {
            return null;
        }
        String lower = message.toLowerCase(Locale.ROOT);
        for (IndexMetadata index : indexes) {
            if (index.unique() && lower.contains(index.name().toLowerCase(Locale.ROOT))) {
                return index;
            }
        }
        for (IndexMetadata index : indexes) {
            if (index.unique()) {
                String columns = String.join(", ", index.columns().stream().map(c -> table + "." + c).toList());
                if (lower.contains(columns.toLowerCase(Locale.ROOT))) {
                    return index;
                }
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return type.getSimpleName();
    }
}
