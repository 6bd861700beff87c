package dev.ferro.cdi;

import dev.ferro.Ferro;
import dev.ferro.Query;
import dev.ferro.SqlListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bean of type {@link SqlListener} is told about each statement of the application's Ferro. */
class SqlListenerBeanTest {

    @ApplicationScoped
    public static class StatementLog implements SqlListener {
        private final List<String> statements = new CopyOnWriteArrayList<>();

        @Override
        public void executed(String sql, int batchSize) {
            statements.add(sql);
        }

        /** What ran so far, and forget it. */
        public List<String> take() {
            List<String> taken = List.copyOf(statements);
            statements.clear();
            return taken;
        }
    }

    @Test
    void aListenerBeanSeesEveryStatementOfTheApplicationsFerro() {
        try (FerroContainer container = FerroContainer.start(
                Map.of("ferro.url", FerroContainer.freshH2(), "ferro.schema", "create"), StatementLog.class)) {
            StatementLog log = container.get(StatementLog.class);
            Query<Person> people = container.get(new TypeLiteral<Query<Person>>() { });
            List<String> schemaStep = log.take();
            assertTrue(schemaStep.stream().anyMatch(sql -> sql.startsWith("CREATE TABLE IF NOT EXISTS") && sql.contains("cdi_person")),
                    "the schema step's statements: " + schemaStep);

            container.inRequest(() -> {
                Person created = people.create(new Person("listened"));
                people.get(created.id);
            });
            long count = container.get(Ferro.class).query(Person.class).count();
            List<String> statements = log.take();

            assertEquals(1, count);
            assertEquals(2, statements.size(), "the insert, then the count; get answered from the request: " + statements);
            assertTrue(statements.get(0).startsWith("INSERT INTO"), statements.get(0));
            assertTrue(statements.get(1).startsWith("SELECT COUNT(*)"), statements.get(1));
        }
    }
}
