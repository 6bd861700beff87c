package dev.ferro.impl.smoke;

import dev.ferro.impl.models.User;
import dev.ferro.impl.models.User_;
import dev.ferro.impl.testing.DatabaseTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SmokeTest extends DatabaseTest {
    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {User.class};
    }

    @Test
    void createAndQuery() {
        var users = ferro.query(User.class);
        User alice = users.create(new User("alice", "alice@example.com", 30));
        assertEquals(1L, alice.id);
        List<User> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(new User("u" + i, "u" + i + "@example.com", 20 + i));
        }
        users.createAll(batch);
        assertEquals(List.of(2L, 3L, 4L, 5L, 6L), batch.stream().map(u -> u.id).toList());
        assertEquals(4, users.where(User_.age.ge(22)).count());
        assertEquals(List.of("alice", "u4", "u3"), users.where(User_.age.ge(23)).orderBy(User_.age.desc()).all().stream().map(u -> u.username).toList());
    }
}
