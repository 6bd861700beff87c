package dev.ferro.examples.blog;

import dev.ferro.ModelNotFoundException;
import dev.ferro.Query;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A comment by id; comments are created and listed under their post (PostResource). */
@Path("comments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CommentResource {
    @Inject
    Query<Comment> comments;

    @GET
    @Path("{id: \\d+}")
    public Comment get(@PathParam("id") long id) {
        return comments.get(id);
    }

    @DELETE
    @Path("{id: \\d+}")
    public void delete(@PathParam("id") long id) {
        if (comments.where(Comment_.id.eq(id)).delete() == 0) {
            throw new ModelNotFoundException(Comment.class, id);
        }
    }
}
