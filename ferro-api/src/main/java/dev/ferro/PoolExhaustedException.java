package dev.ferro;

import java.time.Duration;

/**
 * Every connection of Ferro's pool stayed in use for the whole acquisition timeout. Transient: the
 * pool frees up as other work ends, so a retry (or a bigger pool) helps.
 */
public class PoolExhaustedException extends TransientDataAccessException {
    private static final long serialVersionUID = 1L;
    private final int poolSize;
    private final Duration acquisitionTimeout;

    public PoolExhaustedException(int poolSize, Duration acquisitionTimeout, Throwable cause) {
        super("No connection free in the pool of " + poolSize + " within the acquisition timeout of "
                + acquisitionTimeout.toMillis() + " ms (ferro.pool.max-size, ferro.pool.acquisition-timeout)", cause);
        this.poolSize = poolSize;
        this.acquisitionTimeout = acquisitionTimeout;
    }

    /** The pool's maximum size. */
    public int poolSize() {
        return poolSize;
    }

    public Duration acquisitionTimeout() {
        return acquisitionTimeout;
    }
}
