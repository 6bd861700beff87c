package dev.ferro.cdi;

import jakarta.validation.ClockProvider;
import jakarta.validation.ConstraintValidatorFactory;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.ParameterNameProvider;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorContext;
import jakarta.validation.ValidatorFactory;

/**
 * The container's {@link ValidatorFactory}, whose {@link Validator} is taken once, on a thread of the
 * application, and then serves every thread. A container may hand out a factory that works only on the
 * application's own threads (Open Liberty's CDI bean finds the module's factory through the thread's
 * component context, and fails on a thread the application started itself), while Ferro validates on
 * whichever thread writes; a Validator is thread-safe, so Ferro keeps the one it got.
 */
final class ApplicationValidatorFactory implements ValidatorFactory {
    private final ValidatorFactory container;
    private volatile Validator validator;

    ApplicationValidatorFactory(ValidatorFactory container) {
        this.container = container;
    }

    /** Takes the validator now, if the container can give it on this thread; else on first use. */
    void prepare() {
        try {
            getValidator();
        } catch (RuntimeException notYet) {
            // Not on this thread or not yet: getValidator() tries again on first use.
        }
    }

    @Override
    public Validator getValidator() {
        Validator current = validator;
        if (current == null) {
            synchronized (this) {
                current = validator;
                if (current == null) {
                    current = container.getValidator();
                    validator = current;
                }
            }
        }
        return current;
    }

    @Override
    public ValidatorContext usingContext() {
        return container.usingContext();
    }

    @Override
    public MessageInterpolator getMessageInterpolator() {
        return container.getMessageInterpolator();
    }

    @Override
    public TraversableResolver getTraversableResolver() {
        return container.getTraversableResolver();
    }

    @Override
    public ConstraintValidatorFactory getConstraintValidatorFactory() {
        return container.getConstraintValidatorFactory();
    }

    @Override
    public ParameterNameProvider getParameterNameProvider() {
        return container.getParameterNameProvider();
    }

    @Override
    public ClockProvider getClockProvider() {
        return container.getClockProvider();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        return container.unwrap(type);
    }

    /** The container owns its factory: nothing to close here. */
    @Override
    public void close() {
    }
}
