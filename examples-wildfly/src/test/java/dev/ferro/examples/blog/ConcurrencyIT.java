package dev.ferro.examples.blog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.ferro.examples.blog.Blog.user;
import static dev.ferro.examples.blog.Http.get;
import static dev.ferro.examples.blog.Http.post;
import static org.junit.jupiter.api.Assertions.assertEquals;

@ExtendWith(BlogServer.class)
class ConcurrencyIT {
    private static final int CLIENTS = 20;

    /** 20 clients create a post each at the same moment: 20 answers 201, 20 distinct ids, each post stored once. */
    @Test
    void twentyClientsCreatingPostsAtOnce() throws Exception {
        long author = user("busy");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Http.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                String title = String.format("Concurrent %02d", i);
                replies.add(clients.submit(() -> {
                    start.await();
                    return post("posts", "{\"title\":\"" + title + "\",\"body\":\"B\",\"author\":" + author + "}");
                }));
            }
            start.countDown();

            Set<Long> ids = new TreeSet<>();
            Set<String> titles = new TreeSet<>();
            for (Future<Http.Reply> future : replies) {
                Http.Reply reply = future.get();
                assertEquals(201, reply.status(), reply::toString);
                ids.add(reply.id());
                titles.add(reply.body().replaceAll(".*\"title\":\"([^\"]*)\".*", "$1"));
            }
            Set<String> expectedTitles = IntStream.range(0, CLIENTS).mapToObj(i -> String.format("Concurrent %02d", i))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(CLIENTS, ids.size(), "distinct ids: " + ids);
            assertEquals(expectedTitles, titles);

            String stored = get("posts?author=" + author + "&limit=100").body();
            List<Long> storedIds = new ArrayList<>();
            List<String> storedTitles = new ArrayList<>();
            Matcher post = Pattern.compile("\\{\"id\":(\\d+),\"title\":\"([^\"]*)\"").matcher(stored);
            while (post.find()) {
                storedIds.add(Long.parseLong(post.group(1)));
                storedTitles.add(post.group(2));
            }
            assertEquals(new ArrayList<>(ids), storedIds, "every post stored once, in id order");
            assertEquals(expectedTitles, new TreeSet<>(storedTitles));
            assertEquals(CLIENTS, storedTitles.size());
        } finally {
            clients.shutdownNow();
        }
    }
}
