package com.example;

import dev.ferro.Ferro;
import dev.ferro.FerroOptions;
import dev.ferro.Query;

import java.util.List;

/** The README's first query; compiles only where the processor generated User_. */
public final class Adults {
    private Adults() {
    }

    public static List<String> usernames(String url) {
        try (Ferro ferro = Ferro.connect(url, FerroOptions.autoMigrate())) {
            Query<User> users = ferro.query(User.class);
            users.create(new User("alice", "alice@example.com", 34));
            users.create(new User("bob", "bob@example.com", 17));
            users.create(new User("carol", "carol@example.com", 52));
            List<User> adults = users.where(User_.age.ge(18)).orderBy(User_.username.asc()).all();
            return adults.stream().map(user -> user.username).toList();
        }
    }
}
