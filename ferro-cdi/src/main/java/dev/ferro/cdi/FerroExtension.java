package dev.ferro.cdi;

import dev.ferro.FerroException;
import dev.ferro.Model;
import dev.ferro.ModelDefinitionException;
import dev.ferro.SqlListener;
import dev.ferro.spi.FerroProvider;
import dev.ferro.spi.ModelIndex;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.WithAnnotations;
import dev.ferro.Ferro;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Ferro's portable extension. It finds every {@code @Model} class of the deployment, from the
 * compile-time index ({@code META-INF/ferro/models}, which works in every bean discovery mode and on
 * every container) and from the classes CDI scans; reports a model that cannot be mapped, or a relation
 * whose two sides do not match, as a deployment problem naming the classes and the field; and registers one {@code Query<M>} bean per
 * model beside the {@link Ferro} bean of {@link FerroBeans}.
 *
 * <p>Models are data, not beans: where discovery sees them ({@code bean-discovery-mode="all"}),
 * they are vetoed.
 */
public class FerroExtension implements Extension {
    private final Set<Class<?>> models = new LinkedHashSet<>();
    private final List<Class<?>> valid = new ArrayList<>();
    private final List<ModelDefinitionException> invalid = new ArrayList<>();
    private final List<Bean<?>> listeners = new ArrayList<>();

    void addFerroBeans(@Observes BeforeBeanDiscovery discovery, BeanManager beanManager) {
        models.addAll(ModelIndex.models(loader()));
        for (Class<?> type : List.of(FerroBeans.class, RequestUnitOfWork.class, TransactionalInterceptor.class)) {
            discovery.addAnnotatedType(beanManager.createAnnotatedType(type), FerroExtension.class.getName() + "." + type.getSimpleName());
        }
    }

    void collectModel(@Observes @WithAnnotations(Model.class) ProcessAnnotatedType<?> type) {
        Class<?> model = type.getAnnotatedType().getJavaClass();
        if (model.isAnnotationPresent(Model.class)) {
            models.add(model);
            type.veto();
        }
    }

    /**
     * Collected here rather than resolved through {@code Instance<SqlListener>}: the extension's own beans live in
     * its library's bean archive, and some servers (Payara) do not let a library's beans resolve the beans of
     * {@code WEB-INF/classes}; every bean of the deployment passes by this observer.
     */
    void collectListener(@Observes ProcessBean<?> event) {
        Bean<?> bean = event.getBean();
        if (bean.getTypes().contains(SqlListener.class)) {
            listeners.add(bean);
        }
    }

    void registerQueries(@Observes AfterBeanDiscovery discovery) {
        List<Class<?>> sorted = new ArrayList<>(models);
        sorted.sort(Comparator.comparing(Class::getName));
        // Relations are checked here too: each side against the other, so a relatedName without its @BackRef is a
        // deployment problem naming both models, not a failure of Ferro's start.
        invalid.addAll(FerroProvider.find().problems(sorted));
        Set<Class<?>> faulty = new HashSet<>();
        invalid.forEach(problem -> faulty.add(problem.model()));
        for (Class<?> model : sorted) {
            if (faulty.contains(model)) {
                continue;
            }
            valid.add(model);
            discovery.addBean()
                    .beanClass(model)
                    .types(Object.class, new QueryType(model))
                    .scope(Dependent.class)
                    .produceWith(beans -> beans.select(Ferro.class).get().query(model));
        }
    }

    /**
     * Reports the models that cannot be mapped, else starts Ferro as the deployment is validated: the
     * pool, the schema step and the configuration are checked now, and a failure is a deployment
     * problem, reported alike by every container, rather than an error on the first request.
     *
     * <p>Each is one problem with a one-line message: a container reports several problems as a list
     * whose lines some servers never show (Open Liberty's deployment failure keeps the first line of each
     * exception), and there the message must still name the class, the field, the key or the table.
     */
    void start(@Observes AfterDeploymentValidation validation, BeanManager beanManager) {
        if (!invalid.isEmpty()) {
            validation.addDeploymentProblem(invalidModels());
            return;
        }
        try {
            beanManager.createInstance().select(Ferro.class).get().inTransaction();
        } catch (RuntimeException e) {
            validation.addDeploymentProblem(oneLine(e));
        }
    }

    private RuntimeException invalidModels() {
        if (invalid.size() == 1) {
            return invalid.get(0);
        }
        FerroException all = new FerroException(invalid.size() + " models cannot be mapped: "
                + String.join("; ", invalid.stream().map(Throwable::getMessage).toList()));
        invalid.forEach(all::addSuppressed);
        return all;
    }

    /** {@code failure} itself when its message is one line, else wrapped in an exception whose message is. */
    private static RuntimeException oneLine(RuntimeException failure) {
        String message = failure.getMessage();
        if (message == null || message.indexOf('\n') < 0) {
            return failure;
        }
        return new FerroException(message.strip().replaceAll("\\s*\\R\\s*", " "), failure);
    }

    /** The beans of the deployment whose types include {@link SqlListener}. */
    List<Bean<?>> listeners() {
        return List.copyOf(listeners);
    }

    /** The valid models of the deployment, by class name. */
    public List<Class<?>> models() {
        return List.copyOf(valid);
    }

    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : FerroExtension.class.getClassLoader();
    }
}
