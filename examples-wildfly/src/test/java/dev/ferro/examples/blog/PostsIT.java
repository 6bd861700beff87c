package dev.ferro.examples.blog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.ferro.examples.blog.Blog.comment;
import static dev.ferro.examples.blog.Blog.commentJson;
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
import static dev.ferro.examples.blog.Http.put;
import static dev.ferro.examples.blog.Http.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;

@ExtendWith(BlogServer.class)
class PostsIT {

    @Test
    void createAnswers201WithTheAuthorAsItsId() {
        long author = user("writer");

        Http.Reply created = post("posts", "{\"title\":\"Hello\",\"body\":\"First post\",\"author\":" + author + "}");

        long id = created.id();
        expect(201, "{\"id\":" + id + ",\"title\":\"Hello\",\"body\":\"First post\",\"author\":" + author + "}", created);
        assertEquals(uri("posts/" + id).toString(), created.location());
        expect(200, "{\"id\":" + id + ",\"title\":\"Hello\",\"body\":\"First post\",\"author\":" + author + ",\"tags\":[],\"comments\":[]}",
                get("posts/" + id));
    }

    @Test
    void anInvalidPostIs400() {
        long author = user("invalid_poster");

        expect(400, invalid("Post", "author", "is required: set it to a Ref<User>", "body", "must not be null", "title", "must not be blank"),
                post("posts", "{\"title\":\" \"}"));
        expect(400, invalid("Post", "author", "is not a User id: x"), post("posts", "{\"title\":\"T\",\"body\":\"B\",\"author\":\"x\"}"));
        expect(400, invalid("Post", "author", "is not a User id: 1.5"), post("posts", "{\"title\":\"T\",\"body\":\"B\",\"author\":1.5}"));
        expect(400, problem(400, "malformed JSON"), post("posts", "{\"title\":\"T\",\"body\":\"B\",\"author\":{\"id\":" + author + "}}"));
        expect(200, "[]", get("posts?author=" + author));
    }

    @Test
    void anUnknownAuthorIs409() {
        expect(409, conflict("foreign key violation", "fk_blog_post_author_id"),
                post("posts", "{\"title\":\"Orphan\",\"body\":\"B\",\"author\":777777}"));
        expect(200, "[]", get("posts?title=Orphan"));
    }

    @Test
    void anUnknownPostIs404() {
        String notFound = problem(404, "Post with id 777777 not found");
        expect(404, notFound, get("posts/777777"));
        expect(404, notFound, put("posts/777777", "{\"title\":\"T\",\"body\":\"B\"}"));
        expect(404, notFound, delete("posts/777777"));
        expect(404, notFound, get("posts/777777/comments"));
        expect(404, notFound, post("posts/777777/comments", "{\"author\":1,\"body\":\"Hi\"}"));
        expect(404, notFound, post("posts/777777/tags/1"));
        expect(404, notFound, delete("posts/777777/tags/1"));
    }

    @Test
    void listFiltersByAuthorAndTitleAndPrefetchesTags() {
        long author = user("lister");
        long other = user("other_lister");
        long java = Blog.post(author, "Java records");
        long sql = Blog.post(author, "SQL joins");
        long more = Blog.post(author, "More Java");
        Blog.post(other, "Java elsewhere");
        long tag = tag("list-java");
        tagPost(java, tag);
        tagPost(more, tag);
        String javaTag = tagJson(tag, "list-java");

        expect(200, "[" + postJson(java, "Java records", author, javaTag) + "," + postJson(sql, "SQL joins", author, "") + ","
                + postJson(more, "More Java", author, javaTag) + "]", get("posts?author=" + author));
        expect(200, "[" + postJson(java, "Java records", author, javaTag) + "," + postJson(more, "More Java", author, javaTag) + "]",
                get("posts?author=" + author + "&title=Java"));
        expect(200, "[" + postJson(sql, "SQL joins", author, "") + "]", get("posts?author=" + author + "&limit=1&offset=1"));
        expect(200, "[" + postJson(more, "More Java", author, javaTag) + "]", get(get("posts?author=" + author + "&limit=2").next()));
        expect(400, problem(400, "author must be a whole number from 1 up"), get("posts?author=me"));
    }

    @Test
    void updateReplacesTitleAndBodyAndKeepsTheAuthor() {
        long author = user("editor");
        long id = Blog.post(author, "Draft");

        expect(200, "{\"id\":" + id + ",\"title\":\"Final\",\"body\":\"Edited\",\"author\":" + author + "}",
                put("posts/" + id, "{\"title\":\"Final\",\"body\":\"Edited\",\"author\":777777}"));
        expect(400, invalid("Post", "title", "must not be blank"), put("posts/" + id, "{\"title\":\"\",\"body\":\"Edited\"}"));
        expect(200, "{\"id\":" + id + ",\"title\":\"Final\",\"body\":\"Edited\",\"author\":" + author + ",\"tags\":[],\"comments\":[]}",
                get("posts/" + id));
    }

    @Test
    void deleteTakesTheCommentsAndTagLinksAlong() {
        long author = user("deleter");
        long id = Blog.post(author, "Short-lived");
        long comment = comment(id, author, "First!");
        long tag = tag("delete-me");
        tagPost(id, tag);

        expect(204, "", delete("posts/" + id));
        expect(404, problem(404, "Post with id " + id + " not found"), get("posts/" + id));
        expect(404, problem(404, "Comment with id " + comment + " not found"), get("comments/" + comment));
        expect(200, "[]", get("tags/delete-me/posts"));
    }

    @Test
    void taggingTwiceIs409AndUntaggingRemovesTheLink() {
        long author = user("linker");
        long id = Blog.post(author, "Linked");
        long java = tag("link-java");
        long sql = tag("link-sql");

        expect(204, "", post("posts/" + id + "/tags/" + java));
        expect(204, "", post("posts/" + id + "/tags/" + sql));
        expect(409, conflict("duplicate value", "uq_blog_post_tags_blog_post_id_blog_tag_id"), post("posts/" + id + "/tags/" + java));
        expect(404, problem(404, "Tag with id 777777 not found"), post("posts/" + id + "/tags/777777"));
        expect(200, "{\"id\":" + id + ",\"title\":\"Linked\",\"body\":\"About Linked\",\"author\":" + author + ",\"tags\":["
                + tagJson(java, "link-java") + "," + tagJson(sql, "link-sql") + "],\"comments\":[]}", get("posts/" + id));

        expect(204, "", delete("posts/" + id + "/tags/" + java));
        expect(200, "[" + postJson(id, "Linked", author, tagJson(sql, "link-sql")) + "]", get("posts?author=" + author));
    }

    @Test
    void commentsBelongToThePostInThePath() {
        long author = user("blogger");
        long reader = user("reader");
        long id = Blog.post(author, "Discussed");
        long elsewhere = Blog.post(author, "Elsewhere");

        Http.Reply created = post("posts/" + id + "/comments", "{\"post\":" + elsewhere + ",\"author\":" + reader + ",\"body\":\"Nice\"}");
        long first = created.id();
        expect(201, commentJson(first, id, reader, "Nice"), created);
        assertEquals(uri("comments/" + first).toString(), created.location());
        long second = comment(id, author, "Thanks");

        expect(200, "[" + commentJson(first, id, reader, "Nice") + "," + commentJson(second, id, author, "Thanks") + "]",
                get("posts/" + id + "/comments"));
        expect(200, "[" + commentJson(second, id, author, "Thanks") + "]", get(get("posts/" + id + "/comments?limit=1").next()));
        expect(200, commentJson(first, id, reader, "Nice"), get("comments/" + first));
        expect(200, "{\"id\":" + id + ",\"title\":\"Discussed\",\"body\":\"About Discussed\",\"author\":" + author + ",\"tags\":[],\"comments\":["
                + commentJson(first, id, reader, "Nice") + "," + commentJson(second, id, author, "Thanks") + "]}", get("posts/" + id));
        expect(200, "[]", get("posts/" + elsewhere + "/comments"));
    }

    @Test
    void anInvalidCommentIs400AndAnUnknownAuthor409() {
        long author = user("strict");
        long id = Blog.post(author, "Strict");

        expect(400, invalid("Comment", "author", "is required: set it to a Ref<User>", "body", "must not be blank"),
                post("posts/" + id + "/comments", "{\"body\":\"\"}"));
        expect(409, conflict("foreign key violation", "fk_blog_comment_author_id"),
                post("posts/" + id + "/comments", "{\"author\":777777,\"body\":\"Hi\"}"));
        expect(200, "[]", get("posts/" + id + "/comments"));
    }

    @Test
    void deleteACommentThenItIsGone() {
        long author = user("moderator");
        long id = Blog.post(author, "Moderated");
        long comment = comment(id, author, "Spam");

        expect(204, "", delete("comments/" + comment));
        expect(404, problem(404, "Comment with id " + comment + " not found"), get("comments/" + comment));
        expect(404, problem(404, "Comment with id " + comment + " not found"), delete("comments/" + comment));
    }
}
