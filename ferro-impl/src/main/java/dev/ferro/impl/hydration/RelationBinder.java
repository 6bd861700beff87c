package dev.ferro.impl.hydration;

import dev.ferro.impl.metadata.FieldMetadata;

/** Gives a model read from a row its relation handles: a {@code Ref} per foreign key, a handle per relation field. */
public interface RelationBinder {

    /** For models without relations. */
    RelationBinder NONE = new RelationBinder() {
        @Override
        public Object ref(FieldMetadata foreignKey, Object key) {
            throw new IllegalStateException(foreignKey + " is a foreign key, but its model was bound without relations");
        }

        @Override
        public void bind(Object instance, Object id) {
        }

        @Override
        public void written(Object instance, Object id) {
        }
    };

    /** The {@code Ref} a foreign-key column's (non-null) key becomes. */
    Object ref(FieldMetadata foreignKey, Object key);

    /** Sets the model's {@code @BackRef} and {@code @ManyToMany} fields to handles on the rows related to {@code id}. */
    void bind(Object instance, Object id);

    /**
     * After a model is written: its user-made {@code Ref}s become lazy ones that can load, and its
     * relation fields that are still null get their handles.
     */
    void written(Object instance, Object id);
}
