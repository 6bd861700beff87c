package dev.ferro.impl.transaction;

/**
 * Where the unit of work of the current context lives, beyond a transaction block: the CDI
 * extension binds one to each request, so that every call of a request shares its connection and
 * identity map. Without a scope, each call outside a transaction has a unit of work of its own.
 */
@FunctionalInterface
public interface UnitOfWorkScope {
    /** No scope: calls outside a transaction each run on their own. */
    UnitOfWorkScope NONE = () -> null;

    /** The unit of work of the current context, opening it on first use; null when no context is active. */
    UnitOfWork current();
}
