package dev.ferro.impl.crud;

import dev.ferro.Id;

/** A plain (not @Model) base class whose fields its models persist, id included. */
public abstract class CrudAudited {
    @Id
    public Long id;

    public String createdBy;

    public int revision;
}
