package dev.ferro;

import dev.ferro.spi.FerroProvider;

import java.util.Objects;

/** The references users make themselves; Ferro replaces them with its own lazy ones when it writes the model. */
final class Refs {
    private Refs() {
    }

    /** {@link Ref#of}: the model is the target, already in hand. */
    record ToModel<T>(T model) implements Ref<T> {
        @Override
        @SuppressWarnings("unchecked")
        public <K> K id() {
            return (K) Provider.INSTANCE.idOf(model);
        }

        @Override
        public T get() {
            return model;
        }

        @Override
        public boolean isLoaded() {
            return true;
        }

        @Override
        public boolean idKnown() {
            return true;
        }

        @Override
        public String toString() {
            return "Ref.of(" + model.getClass().getSimpleName() + " " + id() + ")";
        }
    }

    /** {@link Ref#ofId}: only the key; nothing to load it with until Ferro writes or reads the model. */
    record ToKey<T>(Object key) implements Ref<T> {
        @Override
        @SuppressWarnings("unchecked")
        public <K> K id() {
            return (K) key;
        }

        @Override
        public T get() {
            throw new IllegalStateException("Ref.ofId(" + key + ") has not been saved or read through Ferro, so it cannot load "
                    + "its target; use query(Target.class).get(id), or save the model first");
        }

        @Override
        public boolean isLoaded() {
            return false;
        }

        @Override
        public boolean idKnown() {
            return true;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Ref<?> ref && !(ref instanceof ToModel<?>) && Objects.equals(key, ref.id());
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(key);
        }

        @Override
        public String toString() {
            return "Ref.ofId(" + key + ")";
        }
    }

    /** The implementation that reads model ids, found once per class loader of this API. */
    private static final class Provider {
        static final FerroProvider INSTANCE = FerroProvider.find();
    }
}
