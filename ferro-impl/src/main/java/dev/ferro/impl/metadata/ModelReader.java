package dev.ferro.impl.metadata;

import dev.ferro.BackRef;
import dev.ferro.Column;
import dev.ferro.ColumnType;
import dev.ferro.ForeignKey;
import dev.ferro.Id;
import dev.ferro.Index;
import dev.ferro.ManyToMany;
import dev.ferro.Model;
import dev.ferro.ModelDefinitionException;
import dev.ferro.OnDelete;
import dev.ferro.Ref;
import dev.ferro.Relation;
import dev.ferro.Unique;
import dev.ferro.Version;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads a {@code @Model} class into {@link ModelMetadata}, once, and rejects what cannot be mapped
 * with a {@link ModelDefinitionException} naming the class and the field.
 */
public final class ModelReader {
    static final int DEFAULT_STRING_LENGTH = 255;
    static final int DEFAULT_PRECISION = 38;
    static final int DEFAULT_SCALE = 2;
    static final int MIN_ENUM_LENGTH = 64;

    private final ColumnTypes types;

    /** @param types the application's value types that fields may have */
    public ModelReader(ColumnTypes types) {
        this.types = types;
    }

    public <M> ModelMetadata<M> read(Class<M> type) {
        Model model = type.getAnnotation(Model.class);
        if (model == null) {
            throw new ModelDefinitionException(type, null, "is not annotated with @dev.ferro.Model");
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new ModelDefinitionException(type, null, "must be a concrete class");
        }
        String table = tableOf(type);
        MethodHandles.Lookup lookup = lookupFor(type);

        List<FieldMetadata> fields = new ArrayList<>();
        Map<String, FieldMetadata> byName = new HashMap<>();
        Map<String, FieldMetadata> byColumn = new HashMap<>();
        List<IndexMetadata> indexes = new ArrayList<>();
        List<RelationField> relations = new ArrayList<>();
        Map<String, RelationField> relationsByName = new HashMap<>();
        FieldMetadata id = null;
        FieldMetadata version = null;

        for (Field field : persistentFields(type)) {
            if (field.getType() == Relation.class || (field.getType() == Ref.class && !field.isAnnotationPresent(ForeignKey.class))) {
                RelationField relation = readRelation(type, table, field, lookup);
                if (byName.containsKey(relation.name()) || relationsByName.putIfAbsent(relation.name(), relation) != null) {
                    throw new ModelDefinitionException(type, field.getName(), "is declared twice in the class hierarchy");
                }
                relations.add(relation);
                continue;
            }
            FieldMetadata meta = field.getType() == Ref.class ? readForeignKey(type, table, field, lookup) : readField(type, field, lookup, types);
            // MariaDB and SQLite compare column names without case: NAME and name are one column there.
            FieldMetadata sameColumn = byColumn.putIfAbsent(meta.column().toLowerCase(Locale.ROOT), meta);
            if (sameColumn != null) {
                throw new ModelDefinitionException(type, field.getName(), "maps to column '" + meta.column()
                        + "', which field '" + sameColumn.name() + "' already uses");
            }
            if (relationsByName.containsKey(meta.name()) || byName.putIfAbsent(meta.name(), meta) != null) {
                throw new ModelDefinitionException(type, field.getName(), "is declared twice in the class hierarchy");
            }
            if (meta.isId()) {
                if (id != null) {
                    throw new ModelDefinitionException(type, field.getName(), "is a second @Id (the first is '"
                            + id.name() + "'); composite keys are not supported");
                }
                id = meta;
            }
            if (field.isAnnotationPresent(Version.class)) {
                checkVersion(type, field, meta, version);
                version = meta;
            }
            fields.add(meta);
            Unique unique = field.getAnnotation(Unique.class);
            if (unique != null) {
                indexes.add(index(type, table, unique.name(), List.of(meta), true));
            }
            Index index = field.getAnnotation(Index.class);
            if (index != null) {
                indexes.add(index(type, table, index.name(), List.of(meta), false));
            }
            ForeignKey foreignKey = field.getAnnotation(ForeignKey.class);
            if (foreignKey != null && unique == null && index == null && (foreignKey.unique() || foreignKey.index())) {
                indexes.add(index(type, table, "", List.of(meta), foreignKey.unique()));
            }
        }
        if (id == null) {
            throw new ModelDefinitionException(type, null, "has no @Id field");
        }
        for (Unique unique : type.getAnnotationsByType(Unique.class)) {
            indexes.add(index(type, table, unique.name(), composite(type, unique.value(), byName, "@Unique"), true));
        }
        for (Index index : type.getAnnotationsByType(Index.class)) {
            indexes.add(index(type, table, index.name(), composite(type, index.value(), byName, "@Index"), false));
        }
        checkIndexNames(type, indexes);
        // The id goes first so that a row's key can be read before the rest of it.
        fields.remove(id);
        fields.add(0, id);
        String renamedFrom = model.renamedFrom().isBlank() ? null : model.renamedFrom().strip();
        if (table.equals(renamedFrom)) {
            throw new ModelDefinitionException(type, null, "has @Model(renamedFrom = \"" + renamedFrom + "\"), its own table's name");
        }
        return new ModelMetadata<>(type, table, renamedFrom, fields, id, version, indexes, byName, relations, constructor(type, lookup));
    }

    private static void checkVersion(Class<?> model, Field field, FieldMetadata meta, FieldMetadata earlier) {
        if (earlier != null) {
            throw new ModelDefinitionException(model, field.getName(), "is a second @Version (the first is '"
                    + earlier.name() + "')");
        }
        if (meta.isId() || meta.foreignKey() != null) {
            throw new ModelDefinitionException(model, field.getName(), "cannot be the @Version: it is "
                    + (meta.isId() ? "the @Id" : "a @ForeignKey"));
        }
        if (meta.kind() != ValueKind.INT && meta.kind() != ValueKind.LONG) {
            throw new ModelDefinitionException(model, field.getName(), "is a @Version of type " + field.getType().getSimpleName()
                    + "; a version must be int, long, Integer or Long");
        }
    }

    /** The table of a model class, without reading the rest of it. */
    static String tableOf(Class<?> type) {
        Model model = type.getAnnotation(Model.class);
        if (model == null) {
            throw new ModelDefinitionException(type, null, "is not annotated with @dev.ferro.Model");
        }
        return model.table().isBlank() ? Naming.snakeCase(type.getSimpleName()) : model.table();
    }

    /**
     * The id field of a model class, read on its own: a foreign key needs its target's key type
     * while the target may itself be being read (models that point at each other, or at themselves).
     */
    public static FieldMetadata readId(Class<?> type) {
        tableOf(type);
        MethodHandles.Lookup lookup = lookupFor(type);
        for (Field field : persistentFields(type)) {
            if (field.isAnnotationPresent(Id.class)) {
                return readField(type, field, lookup, ColumnTypes.NONE);
            }
        }
        throw new ModelDefinitionException(type, null, "has no @Id field");
    }

    private static FieldMetadata readForeignKey(Class<?> model, String table, Field field, MethodHandles.Lookup lookup) {
        ForeignKey foreignKey = field.getAnnotation(ForeignKey.class);
        if (field.isAnnotationPresent(Id.class)) {
            throw new ModelDefinitionException(model, field.getName(), "is a @ForeignKey and cannot be the @Id too");
        }
        if (Modifier.isFinal(field.getModifiers())) {
            throw new ModelDefinitionException(model, field.getName(), "is final; Ferro must be able to set it when it reads a row");
        }
        Class<?> target = targetOf(model, field);
        FieldMetadata targetId;
        try {
            targetId = readId(target);
        } catch (ModelDefinitionException e) {
            if (target == model) {
                throw e;
            }
            throw new ModelDefinitionException(model, field.getName(), "points at " + target.getName() + ", which is not a valid model: "
                    + e.getMessage());
        }
        if (foreignKey.onDelete() == OnDelete.SET_NULL && !foreignKey.nullable()) {
            throw new ModelDefinitionException(model, field.getName(), "has onDelete = SET_NULL but is not nullable; "
                    + "add nullable = true, or choose another onDelete");
        }
        if (target == model && !foreignKey.nullable()) {
            throw new ModelDefinitionException(model, field.getName(), "points at its own model and must be nullable = true: "
                    + "the first row has nothing to point at");
        }
        Column column = field.getAnnotation(Column.class);
        String columnName = column != null && !column.name().isBlank() ? column.name() : Naming.snakeCase(field.getName()) + "_id";
        String constraint = Naming.constraintName("fk", table, List.of(columnName));
        ForeignKeyMetadata metadata = new ForeignKeyMetadata(target, tableOf(target), targetId, foreignKey.relatedName(),
                foreignKey.onDelete(), foreignKey.unique(), constraint);
        return new FieldMetadata(model, field.getName(), columnName, targetId.type(), targetId.kind(), false,
                foreignKey.nullable(), targetId.length(), targetId.precision(), targetId.scale(), false, false,
                access(model, field, lookup), metadata, null, renamedFrom(model, field.getName(), columnName, column), null);
    }

    private static RelationField readRelation(Class<?> model, String table, Field field, MethodHandles.Lookup lookup) {
        boolean backRef = field.isAnnotationPresent(BackRef.class);
        ManyToMany manyToMany = field.getAnnotation(ManyToMany.class);
        boolean isRef = field.getType() == Ref.class;
        if (isRef && !backRef) {
            throw new ModelDefinitionException(model, field.getName(), "is a Ref without @ForeignKey or @BackRef: mark it "
                    + "@ForeignKey to store the target's key, or @BackRef for the reverse side of another model's unique foreign key");
        }
        if (!isRef && field.isAnnotationPresent(ForeignKey.class)) {
            throw new ModelDefinitionException(model, field.getName(), "is a Relation with @ForeignKey, which goes on a Ref: "
                    + "declare the foreign key as Ref<" + simpleTypeArgument(field) + ">");
        }
        if (!isRef && backRef == (manyToMany != null)) {
            throw new ModelDefinitionException(model, field.getName(), backRef
                    ? "has both @BackRef and @ManyToMany; the reverse side of a many-to-many is the @BackRef"
                    : "is a Relation without @BackRef or @ManyToMany: mark it @BackRef for the reverse side of another "
                    + "model's foreign key, or @ManyToMany for a many-to-many through a join table");
        }
        if (isRef && manyToMany != null) {
            throw new ModelDefinitionException(model, field.getName(), "is a Ref; a @ManyToMany must be a Relation");
        }
        if (Modifier.isFinal(field.getModifiers())) {
            throw new ModelDefinitionException(model, field.getName(), "is final; Ferro must be able to set it when it reads a row");
        }
        Class<?> target = targetOf(model, field);
        RelationField.Declared declared = isRef ? RelationField.Declared.BACK_REF_ONE
                : backRef ? RelationField.Declared.BACK_REF_MANY : RelationField.Declared.MANY_TO_MANY;
        String joinTable = null;
        String relatedName = "";
        if (manyToMany != null) {
            relatedName = manyToMany.relatedName();
            Column column = field.getAnnotation(Column.class);
            String fieldPart = column != null && !column.name().isBlank() ? column.name() : Naming.snakeCase(field.getName());
            joinTable = manyToMany.table().isBlank() ? table + "_" + fieldPart : manyToMany.table();
        }
        return new RelationField(model, field.getName(), target, declared, relatedName, joinTable,
                access(model, field, lookup));
    }

    /** The simple name of the type argument of a {@code Relation<T>} field, or {@code T} when it has none. */
    private static String simpleTypeArgument(Field field) {
        return field.getGenericType() instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> argument ? argument.getSimpleName() : "T";
    }

    /** The model a {@code Ref<T>} or {@code Relation<T>} field names. */
    private static Class<?> targetOf(Class<?> model, Field field) {
        Type generic = field.getGenericType();
        if (generic instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> target) {
            if (!target.isAnnotationPresent(Model.class)) {
                throw new ModelDefinitionException(model, field.getName(), "points at " + target.getName()
                        + ", which is not annotated with @dev.ferro.Model");
            }
            return target;
        }
        throw new ModelDefinitionException(model, field.getName(), "has type " + generic.getTypeName()
                + "; name the related model, as in " + field.getType().getSimpleName() + "<User>");
    }

    private static List<Field> persistentFields(Class<?> type) {
        Deque<Class<?>> hierarchy = new ArrayDeque<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.push(c);
        }
        List<Field> fields = new ArrayList<>();
        for (Class<?> c : hierarchy) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !field.isSynthetic()) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    /** @param types the column types the field's type may have; an id's is always one Ferro stores itself */
    private static FieldMetadata readField(Class<?> model, Field field, MethodHandles.Lookup lookup, ColumnTypes types) {
        Class<?> declared = field.getType();
        @SuppressWarnings("unchecked")
        ColumnType<Object, Object> columnType = (ColumnType<Object, Object>) types.of(declared);
        Class<?> stored = columnType == null ? declared : columnType.storedType();
        ValueKind kind = ValueKind.of(stored);
        if (kind == null) {
            throw new ModelDefinitionException(model, field.getName(), "has type " + field.getGenericType().getTypeName()
                    + ", which Ferro cannot store; supported: " + ValueKind.supportedTypes()
                    + ", or a type that a registered dev.ferro.ColumnType stores (mark the field transient to leave it out)");
        }
        if (columnType != null && (field.isAnnotationPresent(Id.class) || field.isAnnotationPresent(Version.class))) {
            throw new ModelDefinitionException(model, field.getName(), "is " + (field.isAnnotationPresent(Id.class) ? "an @Id" : "a @Version")
                    + " of type " + declared.getSimpleName() + ", stored by " + columnType
                    + "; an id or version must be a type Ferro stores itself");
        }
        if (Modifier.isFinal(field.getModifiers())) {
            throw new ModelDefinitionException(model, field.getName(), "is final; Ferro must be able to set it when it reads a row");
        }
        Column column = field.getAnnotation(Column.class);
        Id id = field.getAnnotation(Id.class);
        String columnName = column != null && !column.name().isBlank() ? column.name() : Naming.snakeCase(field.getName());
        boolean primitive = declared.isPrimitive();
        boolean generated = id != null && id.generated() && kind.isIntegral();
        if (id != null && !(kind.isIntegral() || kind == ValueKind.STRING || kind == ValueKind.UUID)) {
            throw new ModelDefinitionException(model, field.getName(), "is an @Id of type " + declared.getSimpleName()
                    + "; ids must be short, int, long (generated), String or UUID");
        }
        boolean nullable = id == null && !primitive && !field.isAnnotationPresent(Version.class)
                && (column == null || column.nullable())
                && !field.isAnnotationPresent(NotNull.class)
                && !field.isAnnotationPresent(NotBlank.class)
                && !field.isAnnotationPresent(NotEmpty.class);
        if (column != null) {
            checkColumnSizes(model, field.getName(), column);
        }
        int length = 0;
        if (kind == ValueKind.STRING) {
            length = stringLength(field, column);
        } else if (kind == ValueKind.ENUM) {
            int longest = Arrays.stream(stored.getEnumConstants()).mapToInt(e -> ((Enum<?>) e).name().length()).max().orElse(1);
            length = column != null && column.length() > 0 ? column.length() : Math.max(MIN_ENUM_LENGTH, longest);
            if (length < longest) {
                throw new ModelDefinitionException(model, field.getName(), "has length " + length
                        + ", shorter than its longest enum constant (" + longest + ")");
            }
        }
        int precision = 0;
        int scale = 0;
        if (kind == ValueKind.DECIMAL) {
            Digits digits = field.getAnnotation(Digits.class);
            precision = column != null && column.precision() > 0 ? column.precision()
                    : digits != null ? digits.integer() + digits.fraction() : DEFAULT_PRECISION;
            scale = column != null && column.scale() >= 0 ? column.scale()
                    : digits != null ? digits.fraction() : DEFAULT_SCALE;
            if (scale > precision) {
                throw new ModelDefinitionException(model, field.getName(), "has scale " + scale + " above its precision " + precision);
            }
        }
        Class<?> boxed = box(declared);
        String defaultValue = column == null || column.defaultValue().isEmpty() ? null
                : ColumnDefaults.normalized(model, field.getName(), kind, stored, column.defaultValue());
        if (defaultValue != null && kind == ValueKind.STRING && length != Column.UNLIMITED && defaultValue.length() > length) {
            throw new ModelDefinitionException(model, field.getName(), "has @Column(defaultValue) of " + defaultValue.length()
                    + " characters, longer than its column (" + length + ")");
        }
        if (defaultValue != null && id != null) {
            throw new ModelDefinitionException(model, field.getName(), "is an @Id with a @Column(defaultValue); a key has no default");
        }
        return new FieldMetadata(model, field.getName(), columnName, boxed, kind, primitive, nullable, length, precision, scale,
                id != null, generated, access(model, field, lookup), null, columnType,
                renamedFrom(model, field.getName(), columnName, column), defaultValue);
    }

    private static String renamedFrom(Class<?> model, String field, String columnName, Column column) {
        if (column == null || column.renamedFrom().isBlank()) {
            return null;
        }
        String renamedFrom = column.renamedFrom().strip();
        if (renamedFrom.equals(columnName)) {
            throw new ModelDefinitionException(model, field, "has @Column(renamedFrom = \"" + renamedFrom + "\"), its own column's name");
        }
        return renamedFrom;
    }

    /** A size below its "unset" default is a mistake, not a request for the default. */
    private static void checkColumnSizes(Class<?> model, String field, Column column) {
        if (column.length() < 0) {
            throw new ModelDefinitionException(model, field, "has @Column(length = " + column.length()
                    + "): a length is at least 1, or Column.UNLIMITED");
        }
        if (column.precision() < 0) {
            throw new ModelDefinitionException(model, field, "has @Column(precision = " + column.precision()
                    + "): a precision is at least 1");
        }
        if (column.scale() < -1) {
            throw new ModelDefinitionException(model, field, "has @Column(scale = " + column.scale()
                    + "): a scale is at least 0");
        }
    }

    private static int stringLength(Field field, Column column) {
        if (column != null && column.length() > 0) {
            return column.length();
        }
        Size size = field.getAnnotation(Size.class);
        if (size != null && size.max() != Integer.MAX_VALUE) {
            return Math.max(size.max(), 1);
        }
        return DEFAULT_STRING_LENGTH;
    }

    private static List<FieldMetadata> composite(Class<?> model, String[] names, Map<String, FieldMetadata> byName, String what) {
        if (names.length < 2) {
            throw new ModelDefinitionException(model, null, what + " on a class needs at least two field names "
                    + "(put it on the field for a single column), got " + Arrays.toString(names));
        }
        List<FieldMetadata> fields = new ArrayList<>();
        for (String name : names) {
            FieldMetadata field = byName.get(name);
            if (field == null) {
                throw new ModelDefinitionException(model, name, what + Arrays.toString(names)
                        + " names a field that the model does not have");
            }
            if (fields.contains(field)) {
                throw new ModelDefinitionException(model, name, what + Arrays.toString(names) + " names this field twice");
            }
            fields.add(field);
        }
        return fields;
    }

    private static IndexMetadata index(Class<?> model, String table, String name, List<FieldMetadata> fields, boolean unique) {
        if (name.isBlank()) {
            name = Naming.constraintName(unique ? "uq" : "idx", table, fields.stream().map(FieldMetadata::column).toList());
        }
        return new IndexMetadata(name, fields, unique);
    }

    private static void checkIndexNames(Class<?> model, List<IndexMetadata> indexes) {
        Map<String, IndexMetadata> byName = new LinkedHashMap<>();
        for (IndexMetadata index : indexes) {
            // MariaDB and SQLite compare index names without case.
            IndexMetadata other = byName.putIfAbsent(index.name().toLowerCase(Locale.ROOT), index);
            if (other != null) {
                throw new ModelDefinitionException(model, index.fields().get(0).name(), "declares "
                        + (index.unique() ? "unique constraint" : "index") + " '" + index.name()
                        + "' twice (over " + other.columns() + " and " + index.columns() + ")");
            }
        }
    }

    private static MethodHandles.Lookup lookupFor(Class<?> type) {
        try {
            return MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        } catch (IllegalAccessException e) {
            throw new ModelDefinitionException(type, null, "is not accessible to Ferro; open its package to dev.ferro.impl ("
                    + e.getMessage() + ")");
        }
    }

    private static Supplier<Object> constructor(Class<?> type, MethodHandles.Lookup lookup) {
        MethodHandle constructor;
        try {
            constructor = lookup.findConstructor(type, MethodType.methodType(void.class));
        } catch (NoSuchMethodException e) {
            throw new ModelDefinitionException(type, null, "needs a no-argument constructor (any visibility)");
        } catch (IllegalAccessException e) {
            throw new ModelDefinitionException(type, null, "has a no-argument constructor Ferro cannot call: " + e.getMessage());
        }
        try {
            // A generated Supplier runs a plain `new`: a row costs an allocation, not the uninlined call through a
            // method handle that is no constant (a sixth of the time of reading 10,000 rows on H2).
            CallSite site = LambdaMetafactory.metafactory(lookup, "get", MethodType.methodType(Supplier.class),
                    MethodType.methodType(Object.class), constructor, MethodType.methodType(type));
            @SuppressWarnings("unchecked")
            Supplier<Object> generated = (Supplier<Object>) site.getTarget().invoke();
            return generated;
        } catch (Throwable cannotGenerate) {
            // A model in a module that gives Ferro less than full access: the method handle still works.
            MethodHandle generic = constructor.asType(MethodType.methodType(Object.class));
            return () -> {
                try {
                    return (Object) generic.invokeExact();
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Throwable e) {
                    throw new IllegalStateException("Cannot instantiate " + type.getName(), e);
                }
            };
        }
    }

    private static FieldAccess access(Class<?> model, Field field, MethodHandles.Lookup lookup) {
        return new FieldAccess(getter(model, field, lookup), setter(model, field, lookup), model.getSimpleName() + "." + field.getName());
    }

    /** A public getter ({@code getX}/{@code isX}) when the field is not public, else the field itself. */
    private static MethodHandle getter(Class<?> model, Field field, MethodHandles.Lookup lookup) {
        try {
            MethodHandle handle;
            Method accessor = Modifier.isPublic(field.getModifiers()) ? null : accessor(field, true);
            handle = accessor != null ? lookup.unreflect(accessor) : lookup.unreflectGetter(field);
            return handle.asType(MethodType.methodType(Object.class, Object.class));
        } catch (IllegalAccessException e) {
            throw new ModelDefinitionException(model, field.getName(), "cannot be read: " + e.getMessage());
        }
    }

    /** A public setter ({@code setX}) when the field is not public, else the field itself. */
    private static MethodHandle setter(Class<?> model, Field field, MethodHandles.Lookup lookup) {
        try {
            Method accessor = Modifier.isPublic(field.getModifiers()) ? null : accessor(field, false);
            MethodHandle handle = accessor != null ? lookup.unreflect(accessor) : lookup.unreflectSetter(field);
            return handle.asType(MethodType.methodType(void.class, Object.class, Object.class));
        } catch (IllegalAccessException e) {
            throw new ModelDefinitionException(model, field.getName(), "cannot be written: " + e.getMessage());
        }
    }

    private static Method accessor(Field field, boolean getter) {
        String suffix = Character.toUpperCase(field.getName().charAt(0)) + field.getName().substring(1);
        Class<?> owner = field.getDeclaringClass();
        try {
            if (getter) {
                Method get = findPublic(owner, "get" + suffix);
                if (get == null && field.getType() == boolean.class) {
                    get = findPublic(owner, "is" + suffix);
                }
                return get != null && get.getReturnType() == field.getType() ? get : null;
            }
            Method set = owner.getMethod("set" + suffix, field.getType());
            return Modifier.isPublic(set.getModifiers()) ? set : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Method findPublic(Class<?> owner, String name) {
        try {
            return owner.getMethod(name);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return MethodType.methodType(type).wrap().returnType();
    }
}
