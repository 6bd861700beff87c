package dev.ferro.spi;

import dev.ferro.Ferro;
import dev.ferro.FerroException;
import dev.ferro.FerroOptions;
import dev.ferro.ModelDefinitionException;

import javax.sql.DataSource;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * An implementation of Ferro, as {@link Ferro#connect} and integrations (the CDI extension) see it: a
 * {@link ServiceLoader} service in {@code META-INF/services/dev.ferro.spi.FerroProvider}. Neither the API
 * nor an integration names implementation classes.
 */
public interface FerroProvider {

    /**
     * The implementation present, found with {@link ServiceLoader} through ferro-api's class loader, else
     * the thread's context class loader; when several are, the one of highest {@link #priority()}.
     *
     * @throws FerroException when there is none
     */
    static FerroProvider find() {
        List<FerroProvider> providers = ServiceLoader.load(FerroProvider.class, FerroProvider.class.getClassLoader())
                .stream().map(ServiceLoader.Provider::get).toList();
        if (providers.isEmpty()) {
            providers = ServiceLoader.load(FerroProvider.class).stream().map(ServiceLoader.Provider::get).toList();
        }
        return providers.stream().max(Comparator.comparingInt(FerroProvider::priority))
                .orElseThrow(() -> new FerroException(
                        "No Ferro implementation found: add dev.ferro:ferro-impl to the class path"));
    }

    /** Connects to a JDBC URL with the implementation's own pool. */
    default Ferro connect(String url, FerroOptions options) {
        return connect(url, options, UnitOfWorkScope.NONE);
    }

    /** Connects through an existing DataSource (a container's), which the caller keeps owning. */
    default Ferro connect(DataSource dataSource, FerroOptions options) {
        return connect(dataSource, options, UnitOfWorkScope.NONE, OuterTransactions.NONE);
    }

    /** Connects to a JDBC URL; calls outside a transaction block share the unit of work of {@code scope}'s context. */
    Ferro connect(String url, FerroOptions options, UnitOfWorkScope scope);

    /**
     * Connects through a DataSource the caller keeps owning; {@code scope} as for a URL, and while
     * {@code outer} is active, Ferro's work joins that transaction.
     */
    Ferro connect(DataSource dataSource, FerroOptions options, UnitOfWorkScope scope, OuterTransactions outer);

    /**
     * Why these models cannot be mapped, one exception per model at fault (each side of a relation checked
     * against the other); empty when all can. Nothing is connected: the CDI extension reports these as
     * deployment problems.
     */
    List<ModelDefinitionException> problems(Collection<Class<?>> models);

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
