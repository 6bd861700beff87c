package dev.ferro.tck.crud;

import dev.ferro.Created;
import dev.ferro.Ferro;
import dev.ferro.ModelNotFoundException;
import dev.ferro.Query;
import dev.ferro.UniqueViolationException;
import dev.ferro.tck.model.TckPerson;
import dev.ferro.tck.model.TckPerson_;
import dev.ferro.tck.support.Requests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Creating, reading, updating and deleting through injected beans. What another request reads is what
 * the database holds: each check of a write reads it back in a request of its own ({@link Requests}).
 */
@ExtendWith(ArquillianExtension.class)
public abstract class CrudContract {

    /** An application service, as a user would write it. */
    @ApplicationScoped
    public static class People {
        @Inject
        Query<TckPerson> people;

        @Inject
        Ferro ferro;

        public TckPerson register(String name, int age) {
            return people.create(new TckPerson(name, age));
        }

        public Optional<TckPerson> byName(String name) {
            return people.where(TckPerson_.name.eq(name)).first();
        }

        public TckPerson rename(long id, String name) {
            TckPerson person = people.get(id);
            person.name = name;
            return ferro.save(person);
        }
    }

    @Inject
    Query<TckPerson> people;

    @Inject
    Ferro ferro;

    @Inject
    People service;

    @Inject
    Requests requests;

    /** Called first by each test (not a @BeforeEach: see InjectionContract). */
    private void empty() {
        people.delete();
    }

    /** The row of {@code id} as another request reads it. */
    private TckPerson stored(long id) {
        return requests.call(() -> people.get(id));
    }

    @Test
    void createInsertsTheRowWritesTheIdBackAndReturnsTheSameObject() {
        empty();
        TckPerson alice = new TckPerson("alice", 34, "alice@example.com");

        TckPerson created = people.create(alice);

        assertSame(alice, created);
        assertNotNull(alice.id);
        TckPerson stored = stored(alice.id);
        assertEquals("alice", stored.name);
        assertEquals(34, stored.age);
        assertTrue(stored.active);
        assertEquals("alice@example.com", stored.email);
    }

    @Test
    void eachCreatedRowGetsItsOwnId() {
        empty();
        TckPerson alice = service.register("alice", 34);
        TckPerson bob = service.register("bob", 27);

        assertNotEquals(alice.id, bob.id);
        assertEquals(2, requests.call(people::count));
    }

    @Test
    void findReturnsTheRowOrNothing() {
        empty();
        long id = service.register("alice", 34).id;

        assertEquals("alice", requests.call(() -> people.find(id).map(p -> p.name).orElseThrow()));
        assertEquals(Optional.empty(), requests.call(() -> people.find(id + 1000)));
    }

    @Test
    void getOfAMissingKeyThrowsModelNotFoundNamingTheModelAndTheKey() {
        empty();
        long missing = service.register("alice", 34).id + 1000;

        ModelNotFoundException thrown = assertThrows(ModelNotFoundException.class, () -> people.get(missing));

        assertEquals(TckPerson.class, thrown.model());
        assertEquals(missing, ((Number) thrown.key()).longValue());
    }

    @Test
    void saveOfALoadedModelUpdatesItsRow() {
        empty();
        long id = service.register("alice", 34).id;

        TckPerson renamed = service.rename(id, "alicia");

        assertEquals("alicia", renamed.name);
        assertEquals("alicia", stored(id).name);
        assertEquals(1, requests.call(people::count));
    }

    @Test
    void saveOfANewModelInsertsIt() {
        empty();
        TckPerson bob = new TckPerson("bob", 27);

        ferro.save(bob);

        assertNotNull(bob.id);
        assertEquals("bob", stored(bob.id).name);
    }

    @Test
    void deleteRemovesTheRowAndDeletingItAgainFails() {
        empty();
        TckPerson alice = service.register("alice", 34);
        service.register("bob", 27);

        ferro.delete(alice);

        assertEquals(List.of("bob"), requests.call(() -> people.all().stream().map(p -> p.name).toList()));
        ModelNotFoundException again = assertThrows(ModelNotFoundException.class, () -> ferro.delete(alice));
        assertEquals(TckPerson.class, again.model());
    }

    @Test
    void refreshReadsWhatAnotherRequestWrote() {
        empty();
        TckPerson alice = service.register("alice", 34);
        requests.run(() -> people.where(TckPerson_.id.eq(alice.id)).update(TckPerson_.age.set(35)));

        TckPerson refreshed = ferro.refresh(alice);

        assertSame(alice, refreshed);
        assertEquals(35, alice.age);
    }

    @Test
    void createAllInsertsEveryModelAndWritesTheIdsBackInOrder() {
        empty();
        List<TckPerson> batch = List.of(new TckPerson("a", 1), new TckPerson("b", 2), new TckPerson("c", 3));

        people.createAll(batch);

        for (TckPerson person : batch) {
            assertEquals(person.name, stored(person.id).name);
        }
        assertTrue(batch.get(0).id < batch.get(1).id && batch.get(1).id < batch.get(2).id, batch.toString());
        assertEquals(3, requests.call(people::count));
    }

    @Test
    void aDuplicateUniqueValueIsAUniqueViolationNamingTheModelAndNothingIsWritten() {
        empty();
        service.register("alice", 34);

        UniqueViolationException thrown = assertThrows(UniqueViolationException.class, () -> service.register("alice", 35));

        assertEquals(TckPerson.class, thrown.model());
        assertNotNull(thrown.constraint());
        assertEquals(1, requests.call(people::count));
        assertEquals(34, requests.call(() -> service.byName("alice").orElseThrow().age));
    }

    @Test
    void getOrCreateCreatesOnceThenFinds() {
        empty();
        Query<TckPerson> carol = people.where(TckPerson_.name.eq("carol"));

        Created<TckPerson> first = carol.getOrCreate(() -> new TckPerson("carol", 52));
        Created<TckPerson> second = requests.call(() -> carol.getOrCreate(() -> new TckPerson("carol", 99)));

        assertTrue(first.created());
        assertFalse(second.created());
        assertEquals(first.model().id, second.model().id);
        assertEquals(52, second.model().age);
        assertEquals(1, requests.call(people::count));
    }

    @Test
    void rawSqlRunsWithBoundParameters() {
        empty();
        service.register("alice", 34);
        service.register("bob", 27);

        int changed = ferro.execute("UPDATE tck_person SET age = ? WHERE name = ?", 40, "alice");
        List<Map<String, Object>> rows = ferro.fetchAll("SELECT name, age FROM tck_person WHERE age > ? ORDER BY name", 30);

        assertEquals(1, changed);
        assertEquals(1, rows.size());
        assertEquals("alice", rows.get(0).get("name"));
        assertEquals(40, ((Number) rows.get(0).get("age")).intValue());
        assertEquals(Optional.empty(), ferro.fetchOne("SELECT name FROM tck_person WHERE name = ?", "nobody"));
    }
}
