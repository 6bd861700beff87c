package dev.ferro.examples.blog;

import dev.ferro.Ferro;
import dev.ferro.ModelNotFoundException;
import dev.ferro.Query;
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

@Path("users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {
    @Inject
    Query<User> users;

    @Inject
    Query<Post> posts;

    @Inject
    Ferro ferro;

    @POST
    public Response create(User user) {
        user.id = null;                       // the database assigns ids
        users.create(user);                   // validates first: a 400 lists what is wrong; a taken username is a 409
        return Response.created(URI.create("users/" + user.id)).entity(user).build();
    }

    /** {@code ?username=al} lists the users whose name starts with "al". */
    @GET
    public Response list(@QueryParam("username") String prefix, @BeanParam Page page) {
        Query<User> query = prefix == null ? users : users.where(User_.username.startsWith(prefix));
        return page.of(query, User_.id);
    }

    @GET
    @Path("{id: \\d+}")
    public User get(@PathParam("id") long id) {
        return users.get(id);                 // ModelNotFoundException: 404
    }

    @PUT
    @Path("{id: \\d+}")
    @Transactional
    public User update(@PathParam("id") long id, User changes) {
        User user = users.get(id);
        user.username = changes.username;
        user.email = changes.email;
        return ferro.save(user);
    }

    /** A user who still has posts is a 409 (their posts' foreign key is ON DELETE RESTRICT); their comments go with them. */
    @DELETE
    @Path("{id: \\d+}")
    public void delete(@PathParam("id") long id) {
        if (users.where(User_.id.eq(id)).delete() == 0) {
            throw new ModelNotFoundException(User.class, id);
        }
    }

    @GET
    @Path("{id: \\d+}/posts")
    public Response posts(@PathParam("id") long id, @BeanParam Page page) {
        return page.of(users.get(id).posts.prefetch(Post_.tags), Post_.id);
    }
}
