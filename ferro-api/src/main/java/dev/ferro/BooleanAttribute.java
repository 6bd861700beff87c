package dev.ferro;

/** A {@code boolean} attribute. */
public class BooleanAttribute<M> extends Attribute<M, Boolean> {

    public BooleanAttribute(Class<M> model, String name) {
        super(model, name, Boolean.class);
    }

    public Condition<M> isTrue() {
        return eq(Boolean.TRUE);
    }

    public Condition<M> isFalse() {
        return eq(Boolean.FALSE);
    }
}
