package dev.ferro.cdi;

import dev.ferro.spi.ScopedUnitOfWork;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;

import java.util.function.Supplier;

/**
 * The unit of work of one CDI request: opened on the request's first Ferro call, it holds one
 * connection and one identity map for every call of the request, and gives both back when the
 * request ends, however it ends.
 */
@RequestScoped
public class RequestUnitOfWork {
    private ScopedUnitOfWork unit;

    /** The request's unit of work, opened with {@code open} on first use. */
    public ScopedUnitOfWork unit(Supplier<? extends ScopedUnitOfWork> open) {
        if (unit == null) {
            unit = open.get();
        }
        return unit;
    }

    @PreDestroy
    public void close() {
        if (unit != null) {
            unit.close();
            unit = null;
        }
    }
}
