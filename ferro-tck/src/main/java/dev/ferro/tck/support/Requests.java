package dev.ferro.tck.support;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs work in a CDI request of its own, on a thread of its own, the way a second HTTP request would:
 * the thread activates its request context with {@link RequestContextController} and ends it afterwards.
 * Each call uses a new thread, so nothing of the caller's request is visible to the work.
 */
@Dependent
public class Requests {
    @Inject
    Instance<RequestContextController> controllers;

    /** Starts {@code work} in a new request on a new thread. */
    public <T> CompletableFuture<T> start(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            RequestContextController controller = controllers.get();
            try {
                if (!controller.activate()) {
                    throw new IllegalStateException("a request context was already active on a new thread");
                }
                try {
                    result.complete(work.get());
                } finally {
                    controller.deactivate();
                }
            } catch (Throwable failure) {
                result.completeExceptionally(failure);
            } finally {
                controllers.destroy(controller);
            }
        }, "ferro-tck-request");
        thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        thread.start();
        return result;
    }

    /** Starts {@code work} on a new thread where no request context is active. */
    public <T> CompletableFuture<T> startWithoutRequest(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable failure) {
                result.completeExceptionally(failure);
            }
        }, "ferro-tck-no-request");
        thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        thread.start();
        return result;
    }

    /** Runs {@code work} in a new request on a new thread and returns its result; its exception is rethrown as it is. */
    public <T> T call(Supplier<T> work) {
        return join(start(work));
    }

    /** Runs {@code work} in a new request on a new thread. */
    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** The result of {@code future}, waiting at most {@link TckSupport#WAIT} seconds; its failure rethrown as it is. */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get(TckSupport.WAIT, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the other request did not finish within " + TckSupport.WAIT + " s", e);
        }
    }
}
