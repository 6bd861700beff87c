package dev.ferro.tck;

/** The {@code bean-discovery-mode} of a deployment's {@code WEB-INF/beans.xml}. */
public enum BeanDiscovery {
    /** Only classes with a bean-defining annotation are beans; plain {@code @Model} classes are never scanned. */
    ANNOTATED("annotated"),
    /** Every class of the archive is scanned, models included. */
    ALL("all");

    private final String xml;

    BeanDiscovery(String xml) {
        this.xml = xml;
    }

    /** The value of the {@code bean-discovery-mode} attribute. */
    public String xml() {
        return xml;
    }
}
