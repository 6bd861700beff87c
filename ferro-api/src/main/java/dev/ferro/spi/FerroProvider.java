package dev.ferro.spi;

import dev.ferro.Ferro;
import dev.ferro.FerroOptions;

/**
 * How {@link Ferro#connect} finds an implementation: a {@link java.util.ServiceLoader} service in
 * {@code META-INF/services/dev.ferro.spi.FerroProvider}. The API never names implementation classes.
 */
public interface FerroProvider {

    /** Connects to a JDBC URL. */
    Ferro connect(String url, FerroOptions options);

    /** Connects through an existing DataSource (a container's), which the caller keeps owning. */
    Ferro connect(javax.sql.DataSource dataSource, FerroOptions options);

    /**
     * The value of a model's {@code @Id} field ({@code Ref.of(model).id()}), null while unset.
     *
     * @throws dev.ferro.ModelDefinitionException when the object is not a valid model
     */
    Object idOf(Object model);

    /** When several providers are present, the highest wins. */
    default int priority() {
        return 0;
    }
}
