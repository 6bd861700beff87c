package dev.ferro.examples.blog;

import dev.ferro.ModelNotFoundException;
import dev.ferro.Query;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

@Path("tags")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TagResource {
    @Inject
    Query<Tag> tags;

    @POST
    public Response create(Tag tag) {
        tag.id = null;
        tags.create(tag);
        return Response.created(URI.create("tags/" + tag.id)).entity(tag).build();
    }

    @GET
    public Response list(@BeanParam Page page) {
        return page.of(tags, Tag_.id);
    }

    /** The posts tagged with this name, each with all of its tags. */
    @GET
    @Path("{name}/posts")
    public Response posts(@PathParam("name") String name, @BeanParam Page page) {
        Tag tag = tags.where(Tag_.name.eq(name)).first()
                .orElseThrow(() -> new ModelNotFoundException(Tag.class, "Tag " + name + " not found"));
        return page.of(tag.posts.prefetch(Post_.tags), Post_.id);
    }

    /** Untags every post that had it. */
    @DELETE
    @Path("{id: \\d+}")
    public void delete(@PathParam("id") long id) {
        if (tags.where(Tag_.id.eq(id)).delete() == 0) {
            throw new ModelNotFoundException(Tag.class, id);
        }
    }
}
