package dev.ferro.impl.transaction;

import java.sql.SQLException;

/** Work that runs against a unit of work's connection. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(UnitOfWork work) throws SQLException;
}
