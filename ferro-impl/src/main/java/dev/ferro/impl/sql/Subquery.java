package dev.ferro.impl.sql;

import java.util.List;

/** A projection that can be rendered inside another statement ({@code column IN (SELECT ...)}): what it reads, and how. */
public interface Subquery {
    ModelSql<?> sql();

    QuerySpec<?> spec();

    List<SelectedColumn> columns();
}
