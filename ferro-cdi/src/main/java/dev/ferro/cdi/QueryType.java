package dev.ferro.cdi;

import dev.ferro.Query;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;

/** The type {@code Query<M>} of one model, for the bean that the extension registers. */
final class QueryType implements ParameterizedType {
    private final Type[] arguments;

    QueryType(Class<?> model) {
        this.arguments = new Type[] {model};
    }

    @Override
    public Type[] getActualTypeArguments() {
        return arguments.clone();
    }

    @Override
    public Type getRawType() {
        return Query.class;
    }

    @Override
    public Type getOwnerType() {
        return null;
    }

    /** Equal to the JDK's own ParameterizedType of {@code Query<M>}, as the contract of ParameterizedType asks. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ParameterizedType type
                && Query.class.equals(type.getRawType())
                && type.getOwnerType() == null
                && Arrays.equals(arguments, type.getActualTypeArguments());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(arguments) ^ Query.class.hashCode();
    }

    @Override
    public String toString() {
        return Query.class.getName() + "<" + arguments[0].getTypeName() + ">";
    }
}
