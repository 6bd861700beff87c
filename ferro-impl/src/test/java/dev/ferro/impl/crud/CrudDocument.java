package dev.ferro.impl.crud;

import dev.ferro.Model;

/** A model that inherits its id and audit fields from {@link CrudAudited}. */
@Model(table = "crud_document")
public class CrudDocument extends CrudAudited {
    public String title;

    public CrudDocument() {
    }

    public CrudDocument(String title, String createdBy, int revision) {
        this.title = title;
        this.createdBy = createdBy;
        this.revision = revision;
    }
}
