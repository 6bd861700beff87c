package dev.ferro.cdi;

import dev.ferro.Ferro;
import dev.ferro.Query;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

@EnableWeld
class InjectionSmokeTest {
    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld().addExtensions(new FerroExtension()))
            .activate(RequestScoped.class).build();

    @Inject
    Ferro ferro;

    @Inject
    Query<Person> people;

    @Test
    void injectsFerroAndAQueryPerModelOnTheEmbeddedDefault() {
        people.where(Person_.name.eq("smoke")).delete();
        Person created = people.create(new Person("smoke"));

        assertSame(created, people.get(created.id), "one request, one identity map");
        assertEquals(1, ferro.query(Person.class).where(Person_.name.eq("smoke")).count());
    }
}
