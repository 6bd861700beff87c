package dev.ferro.cdi;

import dev.ferro.impl.FerroImpl;
import dev.ferro.impl.transaction.UnitOfWork;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;

/**
 * The unit of work of one CDI request: opened on the request's first Ferro call, it holds one
 * connection and one identity map for every call of the request, and gives both back when the
 * request ends, however it ends.
 */
@RequestScoped
public class RequestUnitOfWork {
    private UnitOfWork unit;

    /** The request's unit of work, opened on first use. */
    public UnitOfWork unit(FerroImpl ferro) {
        if (unit == null) {
            unit = ferro.openUnitOfWork();
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
