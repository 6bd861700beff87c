package dev.ferro.impl.crud;

import dev.ferro.Id;
import dev.ferro.Model;

/** A model that is only its key: its table has the id column alone, so an insert names no column. */
@Model(table = "crud_ticket")
public class CrudTicket {
    @Id
    public Long id;
}
