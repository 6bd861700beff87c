package dev.ferro.examples.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Rows the tests set up through the API, and the JSON the blog answers with. */
final class Blog {
    private Blog() {
    }

    /** The status and the exact body, compared in one go so that a failure shows both. */
    static void expect(int status, String body, Http.Reply reply) {
        assertEquals(status + " " + body, reply.toString());
    }

    static long user(String username) {
        Http.Reply reply = Http.post("users", "{\"username\":\"" + username + "\",\"email\":\"" + username + "@example.com\"}");
        assertEquals(201, reply.status(), reply::toString);
        return reply.id();
    }

    static long post(long author, String title) {
        Http.Reply reply = Http.post("posts", "{\"title\":\"" + title + "\",\"body\":\"About " + title + "\",\"author\":" + author + "}");
        assertEquals(201, reply.status(), reply::toString);
        return reply.id();
    }

    static long tag(String name) {
        Http.Reply reply = Http.post("tags", "{\"name\":\"" + name + "\"}");
        assertEquals(201, reply.status(), reply::toString);
        return reply.id();
    }

    static void tagPost(long post, long tag) {
        Http.Reply reply = Http.post("posts/" + post + "/tags/" + tag);
        assertEquals(204, reply.status(), reply::toString);
    }

    static long comment(long post, long author, String body) {
        Http.Reply reply = Http.post("posts/" + post + "/comments", "{\"author\":" + author + ",\"body\":\"" + body + "\"}");
        assertEquals(201, reply.status(), reply::toString);
        return reply.id();
    }

    static String userJson(long id, String username) {
        return "{\"id\":" + id + ",\"username\":\"" + username + "\",\"email\":\"" + username + "@example.com\"}";
    }

    /** A post as Blog.post made it, with these tags (JSON objects) when the endpoint prefetches them, else null. */
    static String postJson(long id, String title, long author, String tags) {
        return "{\"id\":" + id + ",\"title\":\"" + title + "\",\"body\":\"About " + title + "\",\"author\":" + author
                + (tags == null ? "" : ",\"tags\":[" + tags + "]") + "}";
    }

    static String tagJson(long id, String name) {
        return "{\"id\":" + id + ",\"name\":\"" + name + "\"}";
    }

    static String commentJson(long id, long post, long author, String body) {
        return "{\"id\":" + id + ",\"post\":" + post + ",\"author\":" + author + ",\"body\":\"" + body + "\"}";
    }

    static String problem(int status, String message) {
        return "{\"status\":" + status + ",\"message\":\"" + message + "\"}";
    }

    static String conflict(String message, String constraint) {
        return "{\"status\":409,\"message\":\"" + message + "\",\"constraint\":\"" + constraint + "\"}";
    }

    /** A 400 for an invalid model: violations as "field", "message" pairs, in field order. */
    static String invalid(String model, String... violations) {
        StringBuilder json = new StringBuilder("{\"status\":400,\"message\":\"invalid " + model + "\",\"violations\":[");
        for (int i = 0; i < violations.length; i += 2) {
            json.append(i == 0 ? "" : ",").append("{\"field\":\"").append(violations[i]).append("\",\"message\":\"")
                    .append(violations[i + 1]).append("\"}");
        }
        return json.append("]}").toString();
    }
}
