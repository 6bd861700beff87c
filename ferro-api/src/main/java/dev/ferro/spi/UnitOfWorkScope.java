package dev.ferro.spi;

import java.util.function.Supplier;

/**
 * Where an integration keeps the unit of work of its current context, so that every Ferro call of
 * the context shares one connection and one identity map: the CDI extension keeps one per request.
 * Without a scope, each call outside a transaction block runs on its own.
 */
@FunctionalInterface
public interface UnitOfWorkScope {
    /** No scope: calls outside a transaction block each run on their own. */
    UnitOfWorkScope NONE = open -> null;

    /**
     * The current context's unit of work: the one the context holds, else a new one from {@code open},
     * which the context then holds until it ends, and then closes. Null when no context is active on
     * this thread. Called by the implementation on every call outside a transaction block.
     */
    ScopedUnitOfWork current(Supplier<? extends ScopedUnitOfWork> open);
}
