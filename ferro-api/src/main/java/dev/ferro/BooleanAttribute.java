package dev.ferro;

/** A {@code boolean} attribute. */
public class BooleanAttribute<M> extends Attribute<M, Boolean> {

    public BooleanAttribute(Class<M> model, String name) {
        super(model, name, Boolean.class);
    }

    /** A path ({@link RefAttribute#to}). */
    protected BooleanAttribute(RefAttribute<M, ?> via, BooleanAttribute<?> remote) {
        super(via, remote);
    }

    public Condition<M> isTrue() {
        return eq(Boolean.TRUE);
    }

    public Condition<M> isFalse() {
        return eq(Boolean.FALSE);
    }
}
