package dev.ferro.tck.request;

import dev.ferro.Ferro;
import dev.ferro.Query;
import dev.ferro.tck.model.TckPerson;
import dev.ferro.tck.model.TckPerson_;
import dev.ferro.tck.support.Requests;
import jakarta.inject.Inject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The identity map of a CDI request: within one request the same primary key gives the same instance;
 * each request has its own; a bulk write evicts the model, a rollback clears the map; where no request
 * is active, each call stands alone. A test method runs in a request of its own (the container's, for the
 * test); other requests run on threads of their own ({@link Requests}).
 */
@ExtendWith(ArquillianExtension.class)
public abstract class RequestScopeContract {

    @Inject
    Query<TckPerson> people;

    @Inject
    Ferro ferro;

    @Inject
    Requests requests;

    /** Called first by each test (not a @BeforeEach: see InjectionContract): alice, in the database; her id. */
    private long alice() {
        people.delete();
        return requests.call(() -> people.create(new TckPerson("alice", 34)).id);
    }

    @Test
    void withinOneRequestTheSameKeyGivesTheSameInstance() {
        long id = alice();

        TckPerson first = people.get(id);

        assertSame(first, people.get(id));
        assertSame(first, people.find(id).orElseThrow());
    }

    @Test
    void queriesInTheRequestReturnTheSameInstanceAsGet() {
        long id = alice();

        TckPerson byKey = people.get(id);

        assertSame(byKey, people.where(TckPerson_.name.eq("alice")).one());
        assertSame(byKey, people.all().get(0));
    }

    @Test
    void aModelCreatedInTheRequestIsTheInstanceTheRequestGetsBack() {
        people.delete();
        TckPerson bob = people.create(new TckPerson("bob", 27));

        assertSame(bob, people.get(bob.id));
    }

    @Test
    void anotherRequestGetsItsOwnInstance() {
        long id = alice();
        TckPerson mine = people.get(id);

        TckPerson[] theirs = requests.call(() -> new TckPerson[] {people.get(id), people.get(id)});
        TckPerson later = requests.call(() -> people.get(id));

        assertSame(theirs[0], theirs[1], "the same within that request");
        assertNotSame(mine, theirs[0]);
        assertNotSame(theirs[0], later);
    }

    @Test
    void anotherRequestReadsTheRowNotThisRequestsUnsavedChanges() {
        long id = alice();
        TckPerson mine = people.get(id);
        mine.age = 99;

        assertEquals(34, requests.call(() -> people.get(id).age));
        assertEquals(99, people.get(id).age, "this request keeps its instance");
    }

    @Test
    void aBulkUpdateEvictsTheModelSoTheNextGetReadsTheRow() {
        long id = alice();
        TckPerson before = people.get(id);

        people.where(TckPerson_.id.eq(id)).update(TckPerson_.age.set(35));
        TckPerson after = people.get(id);

        assertNotSame(before, after);
        assertEquals(35, after.age);
    }

    @Test
    void aRollbackClearsTheMapAndACommitKeepsIt() {
        long id = alice();
        TckPerson mine = people.get(id);
        ferro.transaction(() -> {
            mine.name = "alicia";
            ferro.save(mine);
        });
        assertSame(mine, people.get(id), "a commit keeps the request's instances");

        assertThrows(IllegalStateException.class, () -> ferro.transaction(() -> {
            mine.name = "ally";
            ferro.save(mine);
            throw new IllegalStateException("undo");
        }));
        TckPerson reloaded = people.get(id);

        assertNotSame(mine, reloaded, "a rollback clears them");
        assertEquals("alicia", reloaded.name);
    }

    @Test
    void withoutARequestEachCallStandsAlone() {
        long id = alice();

        TckPerson[] loaded = Requests.join(requests.startWithoutRequest(() -> new TckPerson[] {people.get(id), people.get(id)}));

        assertNotSame(loaded[0], loaded[1]);
        assertEquals("alice", loaded[1].name);
    }
}
