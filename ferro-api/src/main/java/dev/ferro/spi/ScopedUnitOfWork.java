package dev.ferro.spi;

/**
 * A unit of work that an implementation opened for a {@link UnitOfWorkScope}: it holds a connection
 * and an identity map from its first use until the scope's context ends and closes it.
 */
public interface ScopedUnitOfWork extends AutoCloseable {

    /** Gives the connection back to the pool and drops the identity map; never throws. */
    @Override
    void close();
}
