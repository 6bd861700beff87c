package dev.ferro.impl.relation;

import dev.ferro.Ref;
import dev.ferro.impl.testing.DatabaseTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class ForeignKeyTest extends DatabaseTest {
    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {RelUser.class, RelTag.class, RelCategory.class, RelPost.class, RelComment.class, RelProfile.class,
                RelMessage.class};
    }

    @Test
    void smoke() {
        RelUser alice = ferro.query(RelUser.class).create(new RelUser("alice"));
        RelPost post = ferro.query(RelPost.class).create(new RelPost("hello", alice));
        Long authorId = post.author.id();
        assertEquals(alice.id, authorId);
        RelPost read = ferro.query(RelPost.class).get(post.id);
        assertEquals("alice", read.author.get().name);
        assertEquals(List.of("hello"), alice.posts.all().stream().map(p -> p.title).toList());
        RelTag java = ferro.query(RelTag.class).create(new RelTag("java"));
        read.tags.add(java);
        assertEquals(1, read.tags.count());
        log.clear();
        List<RelPost> all = ferro.query(RelPost.class).prefetch(RelPost_.author, RelPost_.tags).all();
        assertEquals(3, log.count());
        assertEquals("alice", all.get(0).author.get().name);
        assertEquals("java", all.get(0).tags.all().get(0).name);
        assertEquals(3, log.count());
    }
}
