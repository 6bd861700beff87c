package dev.ferro.examples.blog;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * The body of every error response: {@code {"status":409,"message":"duplicate value","constraint":"uq_blog_user_username"}},
 * or for an invalid body, the violated constraints: {@code "violations":[{"field":"email","message":"must not be blank"}]}.
 * Absent parts are left out.
 */
@JsonbPropertyOrder({"status", "message", "constraint", "violations"})
public record Problem(int status, String message, String constraint, List<Violation> violations) {

    @JsonbPropertyOrder({"field", "message"})
    public record Violation(String field, String message) {
    }

    Response response() {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(this).build();
    }
}
