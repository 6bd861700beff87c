package dev.ferro;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Optimistic locking: the field (an {@code int}, {@code long}, {@code Integer} or {@code Long})
 * counts the saved changes of its row. An insert starts it at 1 (when it is 0 or null); a save or
 * delete of a loaded model runs {@code ... WHERE id = ? AND version = ?} with the version it was
 * read with, and a save adds 1, on the row and in the model. When another transaction changed or
 * deleted the row in between, no row matches and {@link OptimisticLockException} is thrown; a
 * transaction with {@link TransactionOptions#retries} re-runs its block, reading the row afresh.
 * A bulk {@link Query#update} adds 1 to the version of every row it changes. Ferro sets the field;
 * the application only reads it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Version {
}
