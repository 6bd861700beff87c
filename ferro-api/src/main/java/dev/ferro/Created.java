package dev.ferro;

/**
 * What {@link Query#getOrCreate} and {@link Query#updateOrCreate} return: the model, and whether
 * this call inserted it.
 */
public record Created<M>(M model, boolean created) {
}
