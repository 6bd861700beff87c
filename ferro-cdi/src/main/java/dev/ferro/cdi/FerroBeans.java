package dev.ferro.cdi;

import dev.ferro.Ferro;
import dev.ferro.FerroException;
import dev.ferro.FerroOptions;
import dev.ferro.SqlListener;
import dev.ferro.spi.FerroProvider;
import dev.ferro.spi.ScopedUnitOfWork;
import dev.ferro.spi.UnitOfWorkScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.validation.ValidatorFactory;
import org.eclipse.microprofile.config.ConfigProvider;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Produces the application's {@link Ferro} from MicroProfile Config, binds its unit of work to the
 * request scope; {@link FerroExtension} starts it while the deployment is validated. Every bean of type
 * {@link SqlListener} is told about each statement (for logging, metrics, or counting statements in tests).
 */
@ApplicationScoped
public class FerroBeans {
    private static final Logger LOG = Logger.getLogger(FerroBeans.class.getName());

    @Inject
    FerroExtension extension;

    @Inject
    BeanManager beanManager;

    @Inject
    RequestUnitOfWork requestUnit;

    @Inject
    Instance<ValidatorFactory> validatorFactories;

    private volatile ApplicationValidatorFactory validatorFactory;

    @Produces
    @ApplicationScoped
    public Ferro ferro() {
        FerroConfig config = FerroConfig.read(ConfigProvider.getConfig());
        FerroOptions options = config.options().models(extension.models().toArray(Class<?>[]::new));
        for (Bean<?> listener : extension.listeners()) {
            options = options.listener((SqlListener) beanManager.getReference(listener, SqlListener.class,
                    beanManager.createCreationalContext(listener)));
        }
        if (validatorFactories.isResolvable()) {
            validatorFactory = new ApplicationValidatorFactory(validatorFactories.get());
            options = options.validatorFactory(validatorFactory);
        }
        UnitOfWorkScope scope = this::requestUnit;
        FerroProvider provider = FerroProvider.find();
        Ferro ferro = config.dataSource() != null
                ? provider.connect(lookup(config.dataSource()), options, scope, JtaTransactions.lookup())
                : provider.connect(config.url(), options, scope);
        LOG.info(() -> ferro + " started with " + extension.models().size() + " models");
        return ferro;
    }

    /** Takes the container's Validator while the application starts, on its own thread (see ApplicationValidatorFactory). */
    void started(@Observes @Initialized(ApplicationScoped.class) Object application) {
        ApplicationValidatorFactory factory = validatorFactory;
        if (factory != null) {
            factory.prepare();
        }
    }

    public void close(@Disposes Ferro ferro) {
        ferro.close();
    }

    private ScopedUnitOfWork requestUnit(Supplier<? extends ScopedUnitOfWork> open) {
        return requestActive() ? requestUnit.unit(open) : null;
    }

    private boolean requestActive() {
        try {
            return beanManager.getContext(RequestScoped.class).isActive();
        } catch (ContextNotActiveException e) {
            return false;
        }
    }

    private static DataSource lookup(String jndiName) {
        try {
            return (DataSource) new InitialContext().lookup(jndiName);
        } catch (NamingException | ClassCastException e) {
            throw new FerroException("ferro.datasource=" + jndiName + " is not a DataSource in JNDI: " + e.getMessage(), e);
        }
    }
}
