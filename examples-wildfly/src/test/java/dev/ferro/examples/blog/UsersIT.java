package dev.ferro.examples.blog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.ferro.examples.blog.Blog.comment;
import static dev.ferro.examples.blog.Blog.conflict;
import static dev.ferro.examples.blog.Blog.expect;
import static dev.ferro.examples.blog.Blog.invalid;
import static dev.ferro.examples.blog.Blog.postJson;
import static dev.ferro.examples.blog.Blog.problem;
import static dev.ferro.examples.blog.Blog.tag;
import static dev.ferro.examples.blog.Blog.tagJson;
import static dev.ferro.examples.blog.Blog.tagPost;
import static dev.ferro.examples.blog.Blog.user;
import static dev.ferro.examples.blog.Blog.userJson;
import static dev.ferro.examples.blog.Http.delete;
import static dev.ferro.examples.blog.Http.get;
import static dev.ferro.examples.blog.Http.post;
import static dev.ferro.examples.blog.Http.put;
import static dev.ferro.examples.blog.Http.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@ExtendWith(BlogServer.class)
class UsersIT {

    @Test
    void createAnswers201WithTheLocationAndTheStoredUser() {
        Http.Reply created = post("users", "{\"username\":\"ada\",\"email\":\"ada@example.com\"}");

        long id = created.id();
        expect(201, userJson(id, "ada"), created);
        assertEquals(uri("users/" + id).toString(), created.location());
        expect(200, userJson(id, "ada"), get("users/" + id));
    }

    @Test
    void theServerAssignsTheId() {
        Http.Reply created = post("users", "{\"id\":999999,\"username\":\"chosen_id\",\"email\":\"chosen_id@example.com\"}");

        long id = created.id();
        expect(201, userJson(id, "chosen_id"), created);
        expect(404, problem(404, "User with id 999999 not found"), get("users/999999"));
    }

    @Test
    void anInvalidUserIs400WithEveryViolatedConstraint() {
        expect(400, invalid("User", "email", "must be a well-formed email address", "username", "only lower-case letters, digits and _"),
                post("users", "{\"username\":\"Bad Name\",\"email\":\"nope\"}"));
        expect(400, invalid("User", "email", "must not be blank", "username", "must not be blank"), post("users", "{}"));
        expect(400, invalid("User", "username", "size must be between 0 and 30"),
                post("users", "{\"username\":\"" + "x".repeat(31) + "\",\"email\":\"long@example.com\"}"));
        expect(200, "[]", get("users?username=x"));
    }

    @Test
    void aBodyThatIsNotAUserIs400() {
        expect(400, problem(400, "malformed JSON"), post("users", "{\"username\":"));
        expect(400, problem(400, "malformed JSON"), post("users", "[1]"));
        expect(400, problem(400, "malformed JSON"), post("users", "not json"));
        expect(400, problem(400, "a JSON body is required"), post("users", ""));
        expect(400, problem(400, "a JSON body is required"), post("users", "null"));
    }

    @Test
    void aTakenUsernameIs409() {
        long id = user("grace");

        expect(409, conflict("duplicate value", "uq_blog_user_username"),
                post("users", "{\"username\":\"grace\",\"email\":\"other@example.com\"}"));
        expect(200, "[" + userJson(id, "grace") + "]", get("users?username=grace"));
    }

    @Test
    void anUnknownUserIs404() {
        expect(404, problem(404, "User with id 888888 not found"), get("users/888888"));
        expect(404, problem(404, "User with id 888888 not found"), get("users/888888/posts"));
        expect(404, problem(404, "User with id 888888 not found"), put("users/888888", "{\"username\":\"nobody\",\"email\":\"n@example.com\"}"));
        expect(404, problem(404, "User with id 888888 not found"), delete("users/888888"));
    }

    @Test
    void listPagesWithLimitAndOffsetOrByTheNextLink() {
        long[] ids = new long[5];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = user("page_" + i);
        }
        String[] json = new String[5];
        for (int i = 0; i < ids.length; i++) {
            json[i] = userJson(ids[i], "page_" + i);
        }

        expect(200, "[" + String.join(",", json) + "]", get("users?username=page_"));
        expect(200, "[" + json[0] + "," + json[1] + "]", get("users?username=page_&limit=2"));
        expect(200, "[" + json[2] + "," + json[3] + "]", get("users?username=page_&limit=2&offset=2"));
        expect(200, "[" + json[4] + "]", get("users?username=page_&limit=2&offset=4"));
        Http.Reply first = get("users?username=page_&limit=2");
        Http.Reply second = get(first.next());
        Http.Reply third = get(second.next());
        expect(200, "[" + json[0] + "," + json[1] + "]", first);
        expect(200, "[" + json[2] + "," + json[3] + "]", second);
        expect(200, "[" + json[4] + "]", third);
        assertNull(third.next(), "the last page links to none");
        assertNull(get("users?username=page_").next());
    }

    @Test
    void aBadPageParameterIs400() {
        expect(400, problem(400, "limit must be a whole number from 1 to 100"), get("users?limit=0"));
        expect(400, problem(400, "limit must be a whole number from 1 to 100"), get("users?limit=101"));
        expect(400, problem(400, "limit must be a whole number from 1 to 100"), get("users?limit=ten"));
        expect(400, problem(400, "offset must be a whole number from 0 up"), get("users?offset=-1"));
        expect(400, problem(400, "after must be the cursor a page of this list links to"), get("users?after=x"));
    }

    @Test
    void updateReplacesTheUsernameAndTheEmail() {
        long id = user("old_name");
        long other = user("taken_name");

        expect(200, "{\"id\":" + id + ",\"username\":\"new_name\",\"email\":\"new@example.com\"}",
                put("users/" + id, "{\"username\":\"new_name\",\"email\":\"new@example.com\"}"));
        expect(200, "{\"id\":" + id + ",\"username\":\"new_name\",\"email\":\"new@example.com\"}", get("users/" + id));
        expect(400, invalid("User", "email", "must not be blank"), put("users/" + id, "{\"username\":\"new_name\"}"));
        expect(409, conflict("duplicate value", "uq_blog_user_username"),
                put("users/" + id, "{\"username\":\"taken_name\",\"email\":\"new@example.com\"}"));
        expect(400, problem(400, "malformed JSON"), put("users/" + id, "{"));
        expect(200, "{\"id\":" + id + ",\"username\":\"new_name\",\"email\":\"new@example.com\"}", get("users/" + id));
        expect(200, userJson(other, "taken_name"), get("users/" + other));
    }

    @Test
    void deleteRemovesTheUserAndTheirComments() {
        long author = user("post_author");
        long commenter = user("commenter");
        long post = Blog.post(author, "Commented");
        long comment = comment(post, commenter, "Nice");

        expect(204, "", delete("users/" + commenter));
        expect(404, problem(404, "User with id " + commenter + " not found"), get("users/" + commenter));
        expect(404, problem(404, "Comment with id " + comment + " not found"), get("comments/" + comment));
        expect(200, "[]", get("posts/" + post + "/comments"));
    }

    @Test
    void aUserWhoStillHasPostsIs409() {
        long author = user("prolific");
        long post = Blog.post(author, "Still here");

        expect(409, conflict("foreign key violation", "fk_blog_post_author_id"), delete("users/" + author));
        expect(200, userJson(author, "prolific"), get("users/" + author));
        expect(204, "", delete("posts/" + post));
        expect(204, "", delete("users/" + author));
    }

    @Test
    void theirPostsComeWithTheirTags() {
        long author = user("tagger");
        long other = user("not_tagger");
        long first = Blog.post(author, "First");
        long second = Blog.post(author, "Second");
        Blog.post(other, "Elsewhere");
        long jakarta = tag("users-jakarta");
        long sql = tag("users-sql");
        tagPost(first, jakarta);
        tagPost(first, sql);

        expect(200, "[" + postJson(first, "First", author, tagJson(jakarta, "users-jakarta") + "," + tagJson(sql, "users-sql")) + ","
                + postJson(second, "Second", author, "") + "]", get("users/" + author + "/posts"));
        expect(200, "[" + postJson(second, "Second", author, "") + "]", get(get("users/" + author + "/posts?limit=1").next()));
    }
}
