package dev.ferro.spi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Turns the current row of a query into a new model instance with plain field writes: written by
 * Ferro's annotation processor as {@code <Model>_Rows} beside the metamodel {@code <Model>_}, for
 * every model whose no-argument constructor and persistent fields that class can reach (not
 * private). The runtime uses it when its {@link #fields()} match the model's columns, and otherwise
 * sets the fields through method handles; both give the same instance. Generated code, not called
 * by applications.
 *
 * @param <M> the model class
 */
public interface ModelRows<M> {

    /** The persistent column fields, id first, in the order of the columns {@link #read} reads: field i is column i + 1. */
    List<String> fields();

    /**
     * A new instance whose id is {@code id} (column 1, already read) and whose other fields are read
     * from columns 2 to n of the current row through {@code columns}.
     */
    M read(Object id, ResultSet row, Columns columns) throws SQLException;
}
