package dev.ferro.impl.hydration;

import dev.ferro.InvalidQueryException;
import dev.ferro.impl.sql.Dialect;
import dev.ferro.impl.sql.SelectedColumn;
import dev.ferro.impl.sql.ValueReader;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where a row of a projection becomes a value: one column's (or aggregate's) value, or a record (or class) built from
 * the columns in order. The constructor is found and checked once, when the projection is made, and becomes one method handle
 * from the row to the instance, with no reflection per row.
 */
public final class Projector<R> {
    /** The plain getter of each primitive type, which model hydration uses too ({@link RowColumns}). */
    private static final java.util.Map<Class<?>, String> PLAIN_GETTERS = java.util.Map.of(
            boolean.class, "getBoolean", short.class, "getShort", int.class, "getInt", long.class, "getLong",
            float.class, "getFloat", double.class, "getDouble");
    private static final MethodHandle READ;

    static {
        try {
            READ = MethodHandles.publicLookup().findVirtual(ValueReader.class, "read",
                    MethodType.methodType(Object.class, ResultSet.class, int.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The value of a single column's projection; null for a record's, whose {@link #constructor} reads the row. */
    private final ValueReader column;
    /** {@code (ResultSet) -> Object}: the row's instance; null for a single column's values. */
    private final MethodHandle constructor;

    private Projector(ValueReader column, MethodHandle constructor) {
        this.column = column;
        this.constructor = constructor;
    }

    /** The values of one column, as its {@link SelectedColumn#type()}. */
    public static <V> Projector<V> column(SelectedColumn column) {
        return new Projector<>(column.reader(), null);
    }

    /**
     * Instances of {@code type} made from {@code columns} in order: the canonical constructor of a record, or a
     * constructor of a class whose parameters take the fields' types.
     *
     * @throws InvalidQueryException naming the type and what does not fit
     */
    public static <R> Projector<R> into(Class<R> type, List<SelectedColumn> fields, Dialect dialect) {
        Constructor<?> chosen = constructorOf(type, fields);
        MethodHandle handle;
        try {
            chosen.setAccessible(true);
            handle = MethodHandles.lookup().unreflectConstructor(chosen);
        } catch (RuntimeException | IllegalAccessException e) {
            throw new InvalidQueryException("Ferro cannot call the constructor of " + type.getName() + " (" + e.getMessage()
                    + "): make it public, or open its package to Ferro");
        }
        // (ResultSet) -> R: each parameter filtered from the row by its column's getter, the row given to every
        // filter. A primitive parameter takes the plain ResultSet getter, as a model's generated reader does, so a
        // row costs the record and its reference values, with no box and no array.
        Class<?>[] parameters = chosen.getParameterTypes();
        MethodHandle[] getters = new MethodHandle[fields.size()];
        for (int i = 0; i < getters.length; i++) {
            getters[i] = getter(parameters[i], fields.get(i), i + 1, dialect);
        }
        MethodHandle filtered = MethodHandles.filterArguments(handle, 0, getters);
        MethodHandle fromRow = MethodHandles.permuteArguments(filtered,
                MethodType.methodType(handle.type().returnType(), ResultSet.class), new int[getters.length]);
        return new Projector<>(null, fromRow.asType(MethodType.methodType(Object.class, ResultSet.class)));
    }

    /** {@code (ResultSet) -> parameter}: the value of one column, as the parameter takes it. */
    private static MethodHandle getter(Class<?> parameter, SelectedColumn field, int column, Dialect dialect) {
        MethodHandle get;
        boolean key = takesKey(parameter, field);
        String plain = parameter.isPrimitive() && (field.plainReadable() || key) ? PLAIN_GETTERS.get(parameter) : null;
        boolean rangeChecked = dialect.integersWiderThanDeclared() && (parameter == int.class || parameter == short.class);
        if (plain != null && !rangeChecked) {
            get = resultSetGetter(plain, parameter);
        } else {
            ValueReader reader = key ? dialect.reader(field.field()) : field.reader();
            get = READ.bindTo(reader).asType(MethodType.methodType(Object.class, ResultSet.class, int.class));
        }
        return MethodHandles.insertArguments(get, 1, column).asType(MethodType.methodType(parameter, ResultSet.class));
    }

    private static MethodHandle resultSetGetter(String name, Class<?> type) {
        try {
            return MethodHandles.publicLookup().findVirtual(ResultSet.class, name, MethodType.methodType(type, int.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("ResultSet." + name, e);
        }
    }

    private static Constructor<?> constructorOf(Class<?> type, List<SelectedColumn> fields) {
        if (type.isInterface() || type.isPrimitive() || type.isArray() || Modifier.isAbstract(type.getModifiers())) {
            throw new InvalidQueryException("A projection into " + type.getName() + " is refused: it needs a record or a"
                    + " class with a constructor that takes " + describe(fields));
        }
        if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] parameters = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            if (components.length != fields.size()) {
                throw new InvalidQueryException("The record " + type.getName() + " has " + components.length
                        + " components, and the projection selects " + fields.size() + " columns: " + describe(fields));
            }
            for (int i = 0; i < components.length; i++) {
                String misfit = misfit(parameters[i], fields.get(i));
                if (misfit != null) {
                    throw new InvalidQueryException("The component " + components[i].getName() + " of " + type.getName()
                            + " cannot take " + fields.get(i) + ": " + misfit);
                }
            }
            try {
                return type.getDeclaredConstructor(parameters);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("A record without its canonical constructor: " + type.getName(), e);
            }
        }
        List<String> misfits = new ArrayList<>();
        for (Constructor<?> candidate : type.getDeclaredConstructors()) {
            if (candidate.getParameterCount() != fields.size()) {
                continue;
            }
            String misfit = null;
            Class<?>[] parameters = candidate.getParameterTypes();
            for (int i = 0; i < parameters.length && misfit == null; i++) {
                String problem = misfit(parameters[i], fields.get(i));
                misfit = problem == null ? null : "parameter " + (i + 1) + " cannot take " + fields.get(i) + ": " + problem;
            }
            if (misfit == null) {
                return candidate;
            }
            misfits.add(misfit);
        }
        throw new InvalidQueryException(type.getName() + " has no constructor that takes " + describe(fields)
                + (misfits.isEmpty() ? "" : " (" + String.join("; ", misfits) + ")"));
    }

    /** Whether a parameter takes a foreign key's key itself ({@code long author}) rather than its {@code Ref}. */
    private static boolean takesKey(Class<?> parameter, SelectedColumn field) {
        return field.function() == null && field.field().foreignKey() != null && boxed(parameter) == boxed(field.field().type());
    }

    /** Why a parameter of type {@code parameter} cannot take the field's values, or null when it can. */
    private static String misfit(Class<?> parameter, SelectedColumn field) {
        Class<?> value = takesKey(parameter, field) ? boxed(field.field().type()) : boxed(field.type());
        if (parameter.isPrimitive()) {
            if (boxed(parameter) != value) {
                return "a " + parameter.getName() + " is not a " + field.type().getSimpleName();
            }
            return field.nullable() ? "the column may be NULL, which a " + parameter.getName() + " cannot hold (take a "
                    + value.getSimpleName() + ")" : null;
        }
        return parameter.isAssignableFrom(value) ? null : "a " + parameter.getSimpleName() + " is not a " + field.type().getSimpleName();
    }

    private static String describe(List<SelectedColumn> fields) {
        return fields.stream().map(field -> field.type().getSimpleName() + " " + field.label()).collect(Collectors.joining(", ", "(", ")"));
    }

    private static Class<?> boxed(Class<?> type) {
        return type.isPrimitive() ? MethodType.methodType(type).wrap().returnType() : type;
    }

    /** The value of the current row. */
    @SuppressWarnings("unchecked")
    public R read(ResultSet row) throws SQLException {
        if (constructor == null) {
            return (R) column.read(row, 1);
        }
        try {
            return (R) (Object) constructor.invokeExact(row);
        } catch (SQLException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("The projection's constructor threw " + e, e);
        }
    }

    /** The values of every row left. */
    public List<R> readAll(ResultSet rows) throws SQLException {
        List<R> result = new ArrayList<>();
        while (rows.next()) {
            result.add(read(rows));
        }
        return result;
    }
}
