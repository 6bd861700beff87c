package dev.ferro.tck.validation;

import dev.ferro.Ferro;
import dev.ferro.Query;
import dev.ferro.Transactional;
import dev.ferro.tck.model.TckAccount;
import dev.ferro.tck.model.TckPerson;
import dev.ferro.tck.model.TckPerson_;
import dev.ferro.tck.support.Requests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Bean Validation runs before every write: an invalid model raises
 * {@link ConstraintViolationException} naming the properties, and nothing reaches the database.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class ValidationContract {

    @ApplicationScoped
    public static class Onboarding {
        @Inject
        Query<TckPerson> people;

        @Inject
        Query<TckAccount> accounts;

        /** Creates a person and an account; the account is created second. */
        @Transactional
        public void onboard(String name, long balance) {
            people.create(new TckPerson(name, 30));
            accounts.create(new TckAccount(name, balance));
        }
    }

    @Inject
    Query<TckPerson> people;

    @Inject
    Query<TckAccount> accounts;

    @Inject
    Ferro ferro;

    @Inject
    Onboarding onboarding;

    @Inject
    Requests requests;

    /** Called first by each test (not a @BeforeEach: see InjectionContract). */
    private void empty() {
        people.delete();
        accounts.delete();
    }

    private static Set<String> properties(ConstraintViolationException e) {
        Set<String> paths = new TreeSet<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            paths.add(violation.getPropertyPath().toString());
        }
        return paths;
    }

    private long storedPeople() {
        return requests.call(people::count);
    }

    @Test
    void anInvalidModelIsRefusedBeforeTheInsertNamingTheProperty() {
        empty();
        ConstraintViolationException thrown = assertThrows(ConstraintViolationException.class,
                () -> people.create(new TckPerson(" ", 30)));

        assertEquals(Set.of("name"), properties(thrown));
        assertEquals(0, storedPeople());
    }

    @Test
    void everyViolationIsReportedAtOnce() {
        empty();
        TckPerson invalid = new TckPerson("x".repeat(41), 30, "not an email");

        ConstraintViolationException thrown = assertThrows(ConstraintViolationException.class, () -> people.create(invalid));

        assertEquals(Set.of("email", "name"), properties(thrown));
        assertEquals(null, invalid.id, "no id was assigned");
        assertEquals(0, storedPeople());
    }

    @Test
    void createAllWritesNothingWhenOneModelIsInvalid() {
        empty();
        List<TckPerson> batch = List.of(new TckPerson("a", 1), new TckPerson("", 2), new TckPerson("c", 3));

        assertThrows(ConstraintViolationException.class, () -> people.createAll(batch));

        assertEquals(0, storedPeople());
    }

    @Test
    void saveOfAnInvalidChangeLeavesTheRowAsItWas() {
        empty();
        TckPerson alice = people.create(new TckPerson("alice", 34));
        alice.email = "no-at-sign";

        ConstraintViolationException thrown = assertThrows(ConstraintViolationException.class, () -> ferro.save(alice));

        assertEquals(Set.of("email"), properties(thrown));
        assertEquals(null, requests.call(() -> people.get(alice.id).email));
    }

    @Test
    void aBulkUpdateToAnInvalidValueChangesNothing() {
        empty();
        people.create(new TckPerson("alice", 34));
        people.create(new TckPerson("bob", 27));

        assertThrows(ConstraintViolationException.class, () -> people.where(TckPerson_.age.gt(0)).update(TckPerson_.name.set("")));

        assertEquals(List.of("alice", "bob"), requests.call(
                () -> people.orderBy(TckPerson_.name.asc()).all().stream().map(p -> p.name).toList()));
    }

    @Test
    void aViolationInsideATransactionalMethodRollsBackItsEarlierWrites() {
        empty();
        ConstraintViolationException thrown = assertThrows(ConstraintViolationException.class, () -> onboarding.onboard("alice", -5));

        assertEquals(Set.of("balance"), properties(thrown));
        assertEquals(0, storedPeople());
        assertEquals(0, requests.call(accounts::count));
    }

    @Test
    void theRequestStaysUsableAfterARefusedWrite() {
        empty();
        assertThrows(ConstraintViolationException.class, () -> people.create(new TckPerson("", 1)));

        people.create(new TckPerson("valid", 2));
        onboarding.onboard("bob", 10);

        assertEquals(2, storedPeople());
        assertEquals(1, requests.call(accounts::count));
    }
}
