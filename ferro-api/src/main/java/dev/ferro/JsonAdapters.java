package dev.ferro;

import jakarta.json.bind.adapter.JsonbAdapter;

import java.util.List;

/**
 * How JSON-B writes relations: what is already in memory, never a query. A property whose adapter
 * answers null is left out of the JSON.
 */
public final class JsonAdapters {
    private JsonAdapters() {
    }

    /** A {@link Ref} as its target's id, when known without a query; read back as {@link Ref#ofId}. */
    public static final class RefAdapter implements JsonbAdapter<Ref<?>, Object> {
        @Override
        public Object adaptToJson(Ref<?> ref) {
            return ref.idKnown() ? ref.id() : null;
        }

        @Override
        public Ref<?> adaptFromJson(Object id) {
            return id == null ? null : Ref.ofId(id);
        }
    }

    /**
     * A {@link Relation} as the list of its rows when prefetched, else left out. Relations are not
     * read from JSON: the property is ignored, as links change only through {@link Relation#add}.
     */
    public static final class RelationAdapter implements JsonbAdapter<Relation<?>, List<?>> {
        @Override
        public List<?> adaptToJson(Relation<?> relation) {
            return relation.isLoaded() ? relation.all() : null;
        }

        @Override
        public Relation<?> adaptFromJson(List<?> rows) {
            return null;
        }
    }
}
