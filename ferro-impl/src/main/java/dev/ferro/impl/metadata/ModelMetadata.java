package dev.ferro.impl.metadata;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What Ferro knows about one model class, read once by {@link ModelReader}: the table, the fields
 * in declaration order (superclass fields first), the id, unique constraints and indexes.
 */
public final class ModelMetadata<M> {
    private final Class<M> type;
    private final String table;
    private final List<FieldMetadata> fields;
    private final FieldMetadata id;
    private final FieldMetadata version;
    private final List<IndexMetadata> indexes;
    private final Map<String, FieldMetadata> byName;
    private final List<FieldMetadata> foreignKeys;
    private final List<RelationField> relations;
    /** Calls the no-argument constructor. */
    private final Supplier<Object> constructor;
    private final String renamedFrom;

    ModelMetadata(Class<M> type, String table, String renamedFrom, List<FieldMetadata> fields, FieldMetadata id, FieldMetadata version,
                  List<IndexMetadata> indexes, Map<String, FieldMetadata> byName, List<RelationField> relations,
                  Supplier<Object> constructor) {
        this.type = type;
        this.table = table;
        this.renamedFrom = renamedFrom;
        this.fields = List.copyOf(fields);
        this.id = id;
        this.version = version;
        this.indexes = List.copyOf(indexes);
        this.byName = Map.copyOf(byName);
        this.foreignKeys = this.fields.stream().filter(field -> field.foreignKey() != null).toList();
        this.relations = List.copyOf(relations);
        this.constructor = constructor;
    }

    /** The foreign-key columns, in column order. */
    public List<FieldMetadata> foreignKeys() {
        return foreignKeys;
    }

    /** The relation fields without a column: {@code @BackRef} and {@code @ManyToMany}. */
    public List<RelationField> relations() {
        return relations;
    }

    /** The relation field (without a column) of this name, or null. */
    public RelationField relation(String name) {
        for (RelationField relation : relations) {
            if (relation.name().equals(name)) {
                return relation;
            }
        }
        return null;
    }

    /** The persistent field of this name, or null (where {@link #field} throws). */
    public FieldMetadata findField(String name) {
        return byName.get(name);
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

    /** The table's name before a rename ({@code @Model(renamedFrom)}), for migrations; null when there was none. */
    public String renamedFrom() {
        return renamedFrom;
    }

    /** Every column's field, the id and foreign keys included, in column order. */
    public List<FieldMetadata> fields() {
        return fields;
    }

    public FieldMetadata id() {
        return id;
    }

    /** The {@code @Version} field, or null when the model has none. */
    public FieldMetadata version() {
        return version;
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
            return type.cast(constructor.get());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // A constructor that throws a checked exception.
            throw new IllegalStateException("Cannot instantiate " + type.getName(), e);
        }
    }

    /**
     * The unique constraint a database error message speaks of: by name, or else by its columns
     * (SQLite names columns, not constraints). Null when none matches. When several match, the
     * longest wins: a message about {@code uq_t_code_alt} (or SQLite's {@code t.b, t.a}) also
     * contains {@code uq_t_code} (or {@code t.a}), while a message about the shorter one cannot
     * contain the longer.
     */
    public IndexMetadata uniqueMentionedIn(String message) {
        if (message == null) {
            return null;
        }
        String lower = message.toLowerCase(Locale.ROOT);
        IndexMetadata byName = longestMentioned(lower, IndexMetadata::name);
        return byName != null ? byName
                : longestMentioned(lower, index -> String.join(", ", index.columns().stream().map(c -> table + "." + c).toList()));
    }

    private IndexMetadata longestMentioned(String lowerMessage, Function<IndexMetadata, String> mention) {
        IndexMetadata found = null;
        int foundLength = -1;
        for (IndexMetadata index : indexes) {
            if (!index.unique()) {
                continue;
            }
            String text = mention.apply(index).toLowerCase(Locale.ROOT);
            if (text.length() > foundLength && lowerMessage.contains(text)) {
                found = index;
                foundLength = text.length();
            }
        }
        return found;
    }

    @Override
    public String toString() {
        return type.getSimpleName();
    }
}
