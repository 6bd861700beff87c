package dev.ferro;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a CDI bean's method (or every business method of the class) in {@link Ferro#transaction}:
 * it commits when the method returns, and rolls back and rethrows when it throws anything. A
 * {@code @Transactional} method called from another runs in a savepoint of the caller's transaction.
 *
 * <p>{@link #isolation()}, {@link #readOnly()} and {@link #retries()} are those of
 * {@link TransactionOptions}: with {@code retries = 5}, a method that leaves with a
 * {@link TransientDataAccessException} (a deadlock, say) is called again, up to five more times, when
 * it is the outermost transaction. A retried method must be safe to run again: its transaction was
 * rolled back, but what it did outside the database (a message sent) was not.
 *
 * <p>This is Ferro's own binding, for Ferro's own connection pool. In an application server where
 * Ferro uses the server's DataSource, {@code jakarta.transaction.Transactional} (JTA) applies instead.
 */
@Documented
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Transactional {
    @Nonbinding Isolation isolation() default Isolation.DEFAULT;

    @Nonbinding boolean readOnly() default false;

    @Nonbinding int retries() default 0;
}
