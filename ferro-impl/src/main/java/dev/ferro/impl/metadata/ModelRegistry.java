package dev.ferro.impl.metadata;

import dev.ferro.ModelDefinitionException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The models one Ferro instance knows: read once each, on first use or at start. Relations are
 * resolved here, where every model can be read: each side is checked against the other, and a
 * model's relationships are resolved once, the first time they are needed.
 */
public final class ModelRegistry {
    private final ConcurrentHashMap<Class<?>, ModelMetadata<?>> models = new ConcurrentHashMap<>();
    private final Set<Class<?>> declared = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<Class<?>, Map<String, ResolvedRelation>> relationships = new ConcurrentHashMap<>();
    private final ColumnLimits limits;
    private final ModelReader reader;

    /** A registry that checks the models' own definitions only, before a database is chosen. */
    public ModelRegistry(ColumnTypes types) {
        this(ColumnLimits.NONE, types);
    }

    /**
     * @param limits the database's, checked for every field of a model as it is read
     * @param types the application's value types that fields may have
     */
    public ModelRegistry(ColumnLimits limits, ColumnTypes types) {
        this.limits = limits;
        this.reader = new ModelReader(types);
    }

    /** The metadata of a model, read on first use. */
    @SuppressWarnings("unchecked")
    public <M> ModelMetadata<M> get(Class<M> type) {
        ModelMetadata<?> metadata = models.get(type);
        if (metadata == null) {
            metadata = models.computeIfAbsent(type, this::read);
        }
        return (ModelMetadata<M>) metadata;
    }

    private ModelMetadata<?> read(Class<?> type) {
        ModelMetadata<?> metadata = reader.read(type);
        checkIdentifier(type, null, "table name", metadata.table());
        for (FieldMetadata field : metadata.fields()) {
            checkIdentifier(type, field.name(), "column name", field.column());
            String unsupported = limits.unsupported(field);
            if (unsupported != null) {
                throw new ModelDefinitionException(type, field.name(), unsupported);
            }
        }
        for (IndexMetadata index : metadata.indexes()) {
            checkIdentifier(type, index.fields().size() == 1 ? index.fields().get(0).name() : null,
                    index.unique() ? "unique constraint name" : "index name", index.name());
        }
        for (RelationField relation : metadata.relations()) {
            if (relation.joinTable() != null) {
                checkIdentifier(type, relation.name(), "join table name", relation.joinTable());
            }
        }
        return metadata;
    }

    private void checkIdentifier(Class<?> model, String field, String what, String name) {
        String problem = limits.unsupportedIdentifier(name);
        if (problem != null) {
            throw new ModelDefinitionException(model, field, what + " '" + name + "' " + problem);
        }
    }

    /**
     * Registers models for the schema step, reading each and resolving its relations now so that a
     * bad one fails at start.
     */
    public void declare(Collection<Class<?>> types) {
        for (Class<?> type : types) {
            get(type);
        }
        for (Class<?> type : types) {
            relationships(type);
        }
        declared.addAll(types);
    }

    /** Every problem of these models, each read and resolved on its own (for a deployment report). */
    public List<ModelDefinitionException> problems(Collection<Class<?>> types) {
        List<ModelDefinitionException> problems = new ArrayList<>();
        List<Class<?>> readable = new ArrayList<>();
        for (Class<?> type : types) {
            try {
                get(type);
                readable.add(type);
            } catch (ModelDefinitionException e) {
                problems.add(e);
            }
        }
        for (Class<?> type : readable) {
            try {
                relationships(type);
            } catch (ModelDefinitionException e) {
                problems.add(e);
            }
        }
        return problems;
    }

    /**
     * The models declared so far, each after the models its foreign keys point at (then by class
     * name), so that tables can be created in that order. Models in a cycle of foreign keys come
     * last, by name.
     */
    public List<ModelMetadata<?>> declared() {
        List<ModelMetadata<?>> pending = new ArrayList<>();
        declared.stream().sorted(Comparator.comparing(Class::getName)).forEach(type -> pending.add(get(type)));
        List<ModelMetadata<?>> ordered = new ArrayList<>();
        Set<Class<?>> placed = new LinkedHashSet<>();
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            for (var iterator = pending.iterator(); iterator.hasNext(); ) {
                ModelMetadata<?> model = iterator.next();
                boolean ready = model.foreignKeys().stream().map(fk -> fk.foreignKey().target())
                        .allMatch(target -> target == model.type() || placed.contains(target) || !declared.contains(target));
                if (ready) {
                    ordered.add(model);
                    placed.add(model.type());
                    iterator.remove();
                    progress = true;
                }
            }
        }
        ordered.addAll(pending);
        return ordered;
    }

    /** The join tables that the declared models' {@code @ManyToMany} fields own, after {@link #declared()}'s models. */
    public List<JoinTable> declaredJoinTables() {
        List<JoinTable> tables = new ArrayList<>();
        for (ModelMetadata<?> model : declared()) {
            tables.addAll(joinTablesOf(model.type()));
        }
        return tables;
    }

    /** The join tables a model's {@code @ManyToMany} fields own. */
    public List<JoinTable> joinTablesOf(Class<?> type) {
        List<JoinTable> tables = new ArrayList<>();
        for (ResolvedRelation relation : relationships(type).values()) {
            if (relation.kind() == ResolvedRelation.Kind.JOIN && relation.field().declared() == RelationField.Declared.MANY_TO_MANY) {
                tables.add(relation.join());
            }
        }
        return tables;
    }

    /**
     * A model's relationships by field name, foreign keys included, each with its other side;
     * resolved once.
     *
     * @throws ModelDefinitionException when the other side is missing or does not match, naming both models
     */
    public Map<String, ResolvedRelation> relationships(Class<?> type) {
        Map<String, ResolvedRelation> known = relationships.get(type);
        if (known != null) {
            return known;
        }
        // Not computeIfAbsent: resolving reads other models, which may resolve this one in turn.
        Map<String, ResolvedRelation> resolved = resolve(get(type));
        Map<String, ResolvedRelation> previous = relationships.putIfAbsent(type, resolved);
        return previous != null ? previous : resolved;
    }

    /**
     * The models whose rows the database changes when a row of {@code type} is deleted: those with a
     * foreign key to it that is {@code CASCADE} or {@code SET_NULL}, and, through cascades, theirs.
     * Only models read so far can have instances in memory, so only those are looked at.
     */
    public Set<Class<?>> changedByDeleteOf(Class<?> type) {
        Set<Class<?>> changed = new LinkedHashSet<>();
        java.util.Deque<Class<?>> deleted = new java.util.ArrayDeque<>(List.of(type));
        while (!deleted.isEmpty()) {
            Class<?> parent = deleted.pop();
            for (ModelMetadata<?> model : models.values()) {
                for (FieldMetadata foreignKey : model.foreignKeys()) {
                    dev.ferro.OnDelete rule = foreignKey.foreignKey().onDelete();
                    if (foreignKey.foreignKey().target() == parent
                            && (rule == dev.ferro.OnDelete.CASCADE || rule == dev.ferro.OnDelete.SET_NULL)
                            && changed.add(model.type()) && rule == dev.ferro.OnDelete.CASCADE) {
                        deleted.push(model.type());
                    }
                }
            }
        }
        return changed;
    }

    /** One relationship of a model by field name, or null when the field is none. */
    public ResolvedRelation relationship(Class<?> type, String name) {
        return relationships(type).get(name);
    }

    private Map<String, ResolvedRelation> resolve(ModelMetadata<?> owner) {
        Map<String, ResolvedRelation> result = new LinkedHashMap<>();
        for (FieldMetadata foreignKey : owner.foreignKeys()) {
            ForeignKeyMetadata fk = foreignKey.foreignKey();
            ModelMetadata<?> target = get(fk.target());
            checkReverseSide(owner, foreignKey.name(), target, fk.relatedName(),
                    fk.unique() ? RelationField.Declared.BACK_REF_ONE : RelationField.Declared.BACK_REF_MANY);
            result.put(foreignKey.name(), new ResolvedRelation(ResolvedRelation.Kind.FORWARD, owner, foreignKey.name(), target,
                    foreignKey, null, null));
        }
        for (RelationField field : owner.relations()) {
            ModelMetadata<?> target = get(field.target());
            result.put(field.name(), switch (field.declared()) {
                case MANY_TO_MANY -> {
                    checkReverseSide(owner, field.name(), target, field.relatedName(), RelationField.Declared.BACK_REF_MANY);
                    yield new ResolvedRelation(ResolvedRelation.Kind.JOIN, owner, field.name(), target, null,
                            joinTable(owner, field, target), field);
                }
                case BACK_REF_MANY, BACK_REF_ONE -> reverse(owner, field, target);
            });
        }
        return Map.copyOf(result);
    }

    /** The side that declares a relatedName needs the target to declare that field, as the matching kind. */
    private static void checkReverseSide(ModelMetadata<?> owner, String field, ModelMetadata<?> target, String relatedName,
                                         RelationField.Declared expected) {
        if (relatedName.isEmpty()) {
            return;
        }
        RelationField reverse = target.relation(relatedName);
        FieldMetadata column = reverse == null ? target.findField(relatedName) : null;
        String declaration = "@BackRef public " + (expected == RelationField.Declared.BACK_REF_ONE ? "Ref<" : "Relation<")
                + owner.name() + "> " + relatedName;
        String problem = "defines a relationship to " + target.name() + " with relatedName = \"" + relatedName + "\", but ";
        if (reverse == null && column == null) {
            throw new ModelDefinitionException(owner.type(), field, problem + target.name()
                    + " does not have that field; declare " + declaration + " in " + target.type().getName());
        }
        if (reverse != null && reverse.declared() == expected && reverse.target() == owner.type()) {
            return;
        }
        String found = problem + target.name() + "." + relatedName + " is "
                + (reverse != null ? describe(reverse) : describe(column));
        boolean wrongShape = reverse != null && reverse.target() == owner.type() && reverse.declared() != RelationField.Declared.MANY_TO_MANY;
        if (wrongShape && expected == RelationField.Declared.BACK_REF_ONE) {
            throw new ModelDefinitionException(owner.type(), field, found + "; the reverse side of a unique foreign key "
                    + "(one-to-one) is a Ref: declare it as " + declaration);
        }
        if (wrongShape) {
            throw new ModelDefinitionException(owner.type(), field, found + "; the reverse side of "
                    + (owner.findField(field) != null ? "a foreign key that is not unique" : "a @ManyToMany")
                    + " is a Relation: declare it as " + declaration);
        }
        throw new ModelDefinitionException(owner.type(), field, found + ", not the reverse side of " + owner.name() + "." + field
                + "; declare " + declaration + " in " + target.type().getName() + " (or choose another relatedName)");
    }

    /** How a field is declared, for messages: {@code a @BackRef Relation<Post>}. */
    private static String describe(RelationField field) {
        String target = field.target().getSimpleName();
        return switch (field.declared()) {
            case BACK_REF_MANY -> "a @BackRef Relation<" + target + ">";
            case BACK_REF_ONE -> "a @BackRef Ref<" + target + ">";
            case MANY_TO_MANY -> "a @ManyToMany Relation<" + target + ">";
        };
    }

    private static String describe(FieldMetadata field) {
        return field.foreignKey() != null
                ? "a @ForeignKey Ref<" + field.foreignKey().target().getSimpleName() + ">"
                : "a column of type " + field.type().getSimpleName();
    }

    private ResolvedRelation reverse(ModelMetadata<?> owner, RelationField field, ModelMetadata<?> target) {
        List<ResolvedRelation> candidates = new ArrayList<>();
        // The fields of the target that point here, in the order of candidates: for messages.
        List<String> otherSides = new ArrayList<>();
        for (FieldMetadata foreignKey : target.foreignKeys()) {
            ForeignKeyMetadata fk = foreignKey.foreignKey();
            if (fk.target() == owner.type() && fk.relatedName().equals(field.name())) {
                candidates.add(new ResolvedRelation(fk.unique() ? ResolvedRelation.Kind.REVERSE_ONE : ResolvedRelation.Kind.REVERSE_MANY,
                        owner, field.name(), target, foreignKey, null, field));
                otherSides.add(foreignKey.name());
            }
        }
        for (RelationField other : target.relations()) {
            if (other.declared() == RelationField.Declared.MANY_TO_MANY && other.target() == owner.type()
                    && other.relatedName().equals(field.name())) {
                candidates.add(new ResolvedRelation(ResolvedRelation.Kind.JOIN, owner, field.name(), target, null,
                        joinTable(target, other, owner).reversed(), field));
                otherSides.add(other.name());
            }
        }
        if (candidates.isEmpty()) {
            throw new ModelDefinitionException(owner.type(), field.name(), "is a @BackRef, but no field of " + target.name()
                    + " points at " + owner.name() + " with relatedName = \"" + field.name() + "\"; declare "
                    + "@ForeignKey(relatedName = \"" + field.name() + "\") Ref<" + owner.name() + "> (or @ManyToMany) in "
                    + target.type().getName());
        }
        if (candidates.size() > 1) {
            throw new ModelDefinitionException(owner.type(), field.name(), "is the reverse side of " + candidates.size()
                    + " fields of " + target.name() + " (" + String.join(", ", otherSides) + ") with relatedName = \""
                    + field.name() + "\"; give each its own relatedName and its own @BackRef field");
        }
        ResolvedRelation relation = candidates.get(0);
        String otherSide = target.name() + "." + otherSides.get(0);
        boolean one = relation.kind() == ResolvedRelation.Kind.REVERSE_ONE;
        if (one != (field.declared() == RelationField.Declared.BACK_REF_ONE)) {
            String problem;
            if (one) {
                problem = "is a Relation, but " + otherSide + " is a unique foreign key (one-to-one): declare the field as Ref<"
                        + target.name() + ">";
            } else if (relation.kind() == ResolvedRelation.Kind.JOIN) {
                problem = "is a Ref, but " + otherSide + " is a @ManyToMany: declare the field as Relation<" + target.name() + ">";
            } else {
                problem = "is a Ref, but " + otherSide + " is not a unique foreign key: declare the field as Relation<"
                        + target.name() + ">, or make " + otherSide + " unique = true";
            }
            throw new ModelDefinitionException(owner.type(), field.name(), problem);
        }
        return relation;
    }

    /** The join table of a many-to-many declared by {@code source.field}, seen from {@code source}. */
    private JoinTable joinTable(ModelMetadata<?> source, RelationField field, ModelMetadata<?> target) {
        String sourceColumn = source.table() + "_id";
        String targetColumn = target.table() + "_id";
        if (sourceColumn.equalsIgnoreCase(targetColumn)) {
            sourceColumn = "from_id";
            targetColumn = "to_id";
        }
        checkIdentifier(field.model(), field.name(), "join table column name", sourceColumn);
        checkIdentifier(field.model(), field.name(), "join table column name", targetColumn);
        return new JoinTable(field.joinTable(), sourceColumn, source.id(), targetColumn, target.id(),
                Naming.constraintName("uq", field.joinTable(), List.of(sourceColumn, targetColumn)));
    }
}
