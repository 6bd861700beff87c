package dev.ferro.impl.metadata;

import java.util.List;

/** A unique constraint ({@code unique}) or a plain index over one or more columns, in order. */
public record IndexMetadata(String name, List<FieldMetadata> fields, boolean unique) {

    public List<String> columns() {
        return fields.stream().map(FieldMetadata::column).toList();
    }
}
