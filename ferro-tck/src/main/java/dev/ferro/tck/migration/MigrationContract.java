package dev.ferro.tck.migration;

import dev.ferro.Query;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Flyway migrations at deployment ({@code ferro.migrations=migrate}): the WAR carries two scripts per database in
 * {@value MigrationDeployments#LOCATION} ({@code {dialect}} standing for {@code h2}, {@code postgresql}, {@code mariadb} or
 * {@code sqlite}), listed in each directory's {@code ferro-migrations.list}. {@code V2} creates {@code tck_entry}
 * and writes two rows; {@code V3} widens the title from 40 characters to 60, indexes it and adds a memo, which it
 * fills. The implementation applies both before the application runs, then checks the schema against
 * {@link TckEntry}, and the model reads the scripts' rows and writes its own.
 *
 * <p>The deployments are {@link MigrationDeployments}'s. The tests are public, for the subclass of another package
 * ({@code dev.ferro.tck.datasource}, which the runs without JNDI leave out).
 */
public abstract class MigrationContract {
    @Inject
    protected Query<TckEntry> entries;

    @Test
    public void theRowsTheScriptsWroteReadBackThroughTheModelWithTheMemoTheSecondScriptAdded() {
        List<TckEntry> written = entries.where(TckEntry_.memo.eq("written by V3")).orderBy(TckEntry_.id.asc()).all();

        assertEquals(List.of("first", "second"), written.stream().map(entry -> entry.title).toList());
    }

    @Test
    public void theModelWritesTheAlteredTableATitleLongerThanTheFirstScriptAllowed() {
        String title = "a title of fifty-five characters, wider than V2's forty";
        assertEquals(55, title.length());

        TckEntry created = entries.create(new TckEntry(title, "written by the model"));

        assertNotNull(created.id);
        TckEntry read = entries.where(TckEntry_.title.eq(title)).one();
        assertEquals(created.id, read.id);
        assertEquals("written by the model", read.memo);
        assertEquals(3, entries.count());
        assertEquals(1, entries.where(TckEntry_.id.eq(created.id)).delete());
        assertEquals(2, entries.count());
    }
}
