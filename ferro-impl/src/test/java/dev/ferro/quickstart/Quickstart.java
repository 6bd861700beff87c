package dev.ferro.quickstart;

import dev.ferro.Ferro;
import dev.ferro.FerroOptions;
import dev.ferro.Query;
import dev.ferro.UniqueViolationException;

import java.util.List;

/**
 * The README's quickstart: an embedded H2 database, no server, no CDI. Run it with
 * {@code ./mvnw -q -pl ferro-impl -am test-compile exec:java}.
 */
public final class Quickstart {

    public static void main(String[] args) {
        // autoMigrate() creates the tables of the models the annotation processor indexed.
        try (Ferro ferro = Ferro.connect("jdbc:h2:mem:quickstart", FerroOptions.autoMigrate())) {
            Query<Person> people = ferro.query(Person.class);

            people.createAll(List.of(
                    new Person("alice", "alice@example.com", 34),
                    new Person("bob", "bob@example.com", 17),
                    new Person("carol", "carol@example.com", 52)));

            List<Person> adults = people.where(Person_.age.ge(18)).orderBy(Person_.age.desc()).all();
            System.out.println("Adults, oldest first: " + adults);
            System.out.println("Usernames starting with 'b': " + people.where(Person_.username.startsWith("b")).count());

            Person bob = people.where(Person_.username.eq("bob")).one();
            bob.age = 18;
            ferro.save(bob);
            System.out.println("Adults after bob's birthday: " + people.where(Person_.age.ge(18)).count());

            try {
                people.create(new Person("alice", "another@example.com", 20));
            } catch (UniqueViolationException e) {
                System.out.println("Second alice refused by " + e.constraint());
            }
        }
    }
}
