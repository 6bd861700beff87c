package dev.ferro.impl.metadata;

import java.lang.invoke.MethodHandle;

/**
 * Reads and writes one field of a model through method handles typed {@code (Object)Object} and
 * {@code (Object,Object)void}, resolved once per class, so that reading a row costs no reflection.
 */
final class FieldAccess {
    private final MethodHandle getter;
    private final MethodHandle setter;
    private final String field;

    /** @param field {@code Model.field}, for error messages */
    FieldAccess(MethodHandle getter, MethodHandle setter, String field) {
        this.getter = getter;
        this.setter = setter;
        this.field = field;
    }

    /** The setter, typed {@code (Object,Object)void}. */
    MethodHandle setter() {
        return setter;
    }

    Object read(Object instance) {
        try {
            return (Object) getter.invokeExact(instance);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Cannot read " + field, e);
        }
    }

    void write(Object instance, Object value) {
        try {
            setter.invokeExact(instance, value);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Cannot write " + field, e);
        }
    }
}
