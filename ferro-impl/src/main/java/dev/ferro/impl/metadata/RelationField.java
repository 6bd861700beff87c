package dev.ferro.impl.metadata;

/**
 * A relation field that has no column of its own: the reverse side of a foreign key
 * ({@code @BackRef}), or a many-to-many ({@code @ManyToMany}). What it maps to on the other side is
 * found by {@link ModelRegistry#resolve}, once every model can be read.
 */
public final class RelationField {
    /** How the field is declared. */
    public enum Declared {
        /** {@code @BackRef Relation<T>}. */
        BACK_REF_MANY,
        /** {@code @BackRef Ref<T>}: the reverse of a unique foreign key. */
        BACK_REF_ONE,
        /** {@code @ManyToMany Relation<T>}: the side that names the join table. */
        MANY_TO_MANY
    }

    private final Class<?> model;
    private final String name;
    private final Class<?> target;
    private final Declared declared;
    private final String relatedName;
    private final String joinTable;
    private final FieldAccess access;

    RelationField(Class<?> model, String name, Class<?> target, Declared declared, String relatedName, String joinTable,
                  FieldAccess access) {
        this.model = model;
        this.name = name;
        this.target = target;
        this.declared = declared;
        this.relatedName = relatedName;
        this.joinTable = joinTable;
        this.access = access;
    }

    public Class<?> model() {
        return model;
    }

    public String name() {
        return name;
    }

    public Class<?> target() {
        return target;
    }

    public Declared declared() {
        return declared;
    }

    /** For a many-to-many: the target's reverse field, empty when none. */
    public String relatedName() {
        return relatedName;
    }

    /** For a many-to-many: the join table's name, unquoted. */
    public String joinTable() {
        return joinTable;
    }

    public Object get(Object instance) {
        return access.read(instance);
    }

    public void set(Object instance, Object value) {
        access.write(instance, value);
    }

    @Override
    public String toString() {
        return model.getSimpleName() + "." + name;
    }
}
