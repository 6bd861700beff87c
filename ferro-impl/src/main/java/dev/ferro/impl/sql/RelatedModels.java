package dev.ferro.impl.sql;

import dev.ferro.impl.metadata.ResolvedRelation;

/** The other models that a query's conditions and ordering reach through relations, and those relations. */
public interface RelatedModels {
    /** The statements of a model of the same Ferro. */
    ModelSql<?> sql(Class<?> model);

    /** One relationship of a model by field name, or null when the field is none. */
    ResolvedRelation relationship(Class<?> model, String name);

    /** For a model whose queries reach no other: each lookup fails, naming the model asked for. */
    RelatedModels NONE = new RelatedModels() {
        @Override
        public ModelSql<?> sql(Class<?> model) {
            throw new IllegalStateException("No related model " + model.getName() + " here");
        }

        @Override
        public ResolvedRelation relationship(Class<?> model, String name) {
            throw new IllegalStateException("No relationship " + model.getName() + "." + name + " here");
        }
    };
}
