package dev.ferro.impl.crud;

import dev.ferro.Id;
import dev.ferro.Model;

/** A plain model with a generated Long id and public fields. */
@Model(table = "crud_item")
public class CrudItem {
    @Id
    public Long id;

    public String name;

    public int quantity;

    public CrudItem() {
    }

    public CrudItem(String name, int quantity) {
        this.name = name;
        this.quantity = quantity;
    }

    @Override
    public String toString() {
        return "CrudItem[" + id + ", " + name + "]";
    }
}
