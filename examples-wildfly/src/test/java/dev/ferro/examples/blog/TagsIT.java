package dev.ferro.examples.blog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.ferro.examples.blog.Blog.conflict;
import static dev.ferro.examples.blog.Blog.expect;
import static dev.ferro.examples.blog.Blog.invalid;
import static dev.ferro.examples.blog.Blog.postJson;
import static dev.ferro.examples.blog.Blog.problem;
import static dev.ferro.examples.blog.Blog.tag;
import static dev.ferro.examples.blog.Blog.tagJson;
import static dev.ferro.examples.blog.Blog.tagPost;
import static dev.ferro.examples.blog.Blog.user;
import static dev.ferro.examples.blog.Http.delete;
import static dev.ferro.examples.blog.Http.get;
import static dev.ferro.examples.blog.Http.post;
import static dev.ferro.examples.blog.Http.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;

@ExtendWith(BlogServer.class)
class TagsIT {

    @Test
    void createListAndRefuseADuplicateOrAnInvalidName() {
        Http.Reply created = post("tags", "{\"name\":\"tags-alpha\"}");
        long alpha = created.id();
        expect(201, tagJson(alpha, "tags-alpha"), created);
        assertEquals(uri("tags/" + alpha).toString(), created.location());
        long beta = tag("tags-beta");

        expect(409, conflict("duplicate value", "uq_blog_tag_name"), post("tags", "{\"name\":\"tags-alpha\"}"));
        expect(400, invalid("Tag", "name", "only lower-case letters, digits and -"), post("tags", "{\"name\":\"Not A Tag\"}"));
        expect(400, invalid("Tag", "name", "must not be blank"), post("tags", "{\"name\":null}"));
        // Other tests' tags come first: follow the pages of one to alpha's, whose next is beta's.
        Http.Reply page = get("tags?limit=1");
        while (!page.body().equals("[" + tagJson(alpha, "tags-alpha") + "]")) {
            page = get(page.next());
        }
        expect(200, "[" + tagJson(beta, "tags-beta") + "]", get(page.next()));
    }

    @Test
    void theirPostsComeWithAllTheirTags() {
        long author = user("tag_reader");
        long first = Blog.post(author, "One");
        long second = Blog.post(author, "Two");
        Blog.post(author, "Untagged");
        long topic = tag("tags-topic");
        long extra = tag("tags-extra");
        tagPost(first, topic);
        tagPost(second, topic);
        tagPost(second, extra);

        expect(200, "[" + postJson(first, "One", author, tagJson(topic, "tags-topic")) + ","
                + postJson(second, "Two", author, tagJson(topic, "tags-topic") + "," + tagJson(extra, "tags-extra")) + "]",
                get("tags/tags-topic/posts"));
        expect(200, "[" + postJson(second, "Two", author, tagJson(topic, "tags-topic") + "," + tagJson(extra, "tags-extra")) + "]",
                get("tags/tags-topic/posts?limit=1&offset=1"));
        expect(404, problem(404, "Tag nowhere not found"), get("tags/nowhere/posts"));
    }

    @Test
    void deleteUntagsThePosts() {
        long author = user("untagger");
        long id = Blog.post(author, "Was tagged");
        long gone = tag("tags-gone");
        tagPost(id, gone);

        expect(204, "", delete("tags/" + gone));
        expect(404, problem(404, "Tag nowhere not found"), get("tags/nowhere/posts"));
        expect(404, problem(404, "Tag tags-gone not found"), get("tags/tags-gone/posts"));
        expect(200, "[" + postJson(id, "Was tagged", author, "") + "]", get("posts?author=" + author));
        expect(404, problem(404, "Tag with id " + gone + " not found"), delete("tags/" + gone));
    }
}
