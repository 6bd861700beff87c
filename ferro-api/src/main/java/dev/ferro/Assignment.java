package dev.ferro;

/** {@code SET column = value} in a filtered {@link Query#update(Assignment)}; built by {@link Attribute#set}. */
public record Assignment<M>(Attribute<M, ?> attribute, Object value) {
}
