package dev.ferro.examples.blog;

import dev.ferro.Ferro;
import dev.ferro.ModelNotFoundException;
import dev.ferro.Query;
import dev.ferro.Ref;
import dev.ferro.Transactional;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

@Path("posts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PostResource {
    @Inject
    Query<Post> posts;

    @Inject
    Query<Tag> tags;

    @Inject
    Ferro ferro;

    /** The body names the author by id: {@code {"title":"Hello","body":"...","author":1}}; an unknown author is a 409. */
    @POST
    public Response create(Post post) {
        post.id = null;
        posts.create(post);
        return Response.created(URI.create("posts/" + post.id)).entity(post).build();
    }

    /** Each post with its tags: three queries for the page, however many posts. */
    @GET
    public Response list(@QueryParam("author") String author, @QueryParam("title") String title, @BeanParam Page page) {
        Query<Post> query = posts.prefetch(Post_.tags);
        if (author != null) {
            query = query.where(Post_.author.eq(Ref.ofId(Page.id("author", author))));
        }
        if (title != null) {
            query = query.where(Post_.title.contains(title));
        }
        return page.of(query, Post_.id);
    }

    @GET
    @Path("{id: \\d+}")
    public Post get(@PathParam("id") long id) {
        return posts.prefetch(Post_.tags, Post_.comments).get(id);
    }

    /** Replaces the title, the body and the publication time (none: a draft again); the author stays. */
    @PUT
    @Path("{id: \\d+}")
    @Transactional
    public Post update(@PathParam("id") long id, Post changes) {
        Post post = posts.get(id);
        post.title = changes.title;
        post.body = changes.body;
        post.publishedAt = changes.publishedAt;
        return ferro.save(post);
    }

    /** Its comments and tag links go with it. */
    @DELETE
    @Path("{id: \\d+}")
    public void delete(@PathParam("id") long id) {
        if (posts.where(Post_.id.eq(id)).delete() == 0) {
            throw new ModelNotFoundException(Post.class, id);
        }
    }

    /** Tags the post; tagging it twice with the same tag is a 409. */
    @POST
    @Path("{id: \\d+}/tags/{tag: \\d+}")
    public void tag(@PathParam("id") long id, @PathParam("tag") long tag) {
        posts.get(id).tags.add(tags.get(tag));
    }

    @DELETE
    @Path("{id: \\d+}/tags/{tag: \\d+}")
    public void untag(@PathParam("id") long id, @PathParam("tag") long tag) {
        posts.get(id).tags.remove(tags.get(tag));
    }

    @GET
    @Path("{id: \\d+}/comments")
    public Response comments(@PathParam("id") long id, @BeanParam Page page) {
        return page.of(posts.get(id).comments, Comment_.id);
    }

    /** {@code {"author":2,"body":"..."}}; the post is the one in the path. */
    @POST
    @Path("{id: \\d+}/comments")
    public Response comment(@PathParam("id") long id, Comment comment) {
        comment.id = null;
        posts.get(id).comments.create(comment);
        return Response.created(URI.create("comments/" + comment.id)).entity(comment).build();
    }
}
