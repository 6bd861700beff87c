package dev.ferro.cdi;

import dev.ferro.Ferro;
import dev.ferro.TransactionOptions;
import dev.ferro.Transactional;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Runs {@link Transactional} methods in {@link Ferro#transaction}: commit on return, rollback on
 * any exception (checked ones too, rethrown as they are); a nested call is a savepoint. The
 * annotation's isolation, read-only flag and retries are those of the method's annotation, else
 * of its class's.
 */
@Transactional
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
public class TransactionalInterceptor {
    @Inject
    Ferro ferro;

    @AroundInvoke
    public Object inTransaction(InvocationContext invocation) throws Exception {
        try {
            return ferro.transaction(options(invocation), () -> proceed(invocation));
        } catch (CheckedFailure failure) {
            throw failure.checked;
        }
    }

    private static TransactionOptions options(InvocationContext invocation) {
        Transactional binding = invocation.getMethod() == null ? null : invocation.getMethod().getAnnotation(Transactional.class);
        for (Class<?> type = invocation.getTarget().getClass(); binding == null && type != null; type = type.getSuperclass()) {
            binding = type.getAnnotation(Transactional.class);
        }
        if (binding == null) {
            return TransactionOptions.defaults();
        }
        return TransactionOptions.defaults().isolation(binding.isolation()).readOnly(binding.readOnly()).retries(binding.retries());
    }

    private static Object proceed(InvocationContext invocation) {
        try {
            return invocation.proceed();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CheckedFailure(e);
        }
    }

    /** Carries a checked exception through the transaction block, which rolls back on it. */
    private static final class CheckedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Exception checked;

        CheckedFailure(Exception checked) {
            super(checked.getMessage(), checked, false, false);
            this.checked = checked;
        }
    }
}
