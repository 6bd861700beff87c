package dev.ferro.examples.blog;

import dev.ferro.ForeignKeyViolationException;
import dev.ferro.ModelNotFoundException;
import dev.ferro.UniqueViolationException;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.IOException;
import java.io.PushbackInputStream;
import java.util.Comparator;
import java.util.List;

/** What a client sees when Ferro refuses a request: a status that says whose fault it is, never a 500 for bad input. */
public final class ErrorMappers {
    private ErrorMappers() {
    }

    /** Bean Validation, which Ferro runs before every write: 400 with each violated constraint. */
    @Provider
    public static class InvalidModel implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            List<Problem.Violation> violations = e.getConstraintViolations().stream()
                    .map(InvalidModel::violation)
                    .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message))
                    .toList();
            return new Problem(400, "invalid " + modelName(e), null, violations).response();
        }

        private static Problem.Violation violation(ConstraintViolation<?> violation) {
            return new Problem.Violation(violation.getPropertyPath().toString(), violation.getMessage());
        }

        private static String modelName(ConstraintViolationException e) {
            return e.getConstraintViolations().stream().findFirst()
                    .map(violation -> violation.getRootBeanClass().getSimpleName()).orElse("request");
        }
    }

    /**
     * A request body that is missing, not JSON, or not of the model's shape: 400. Each server reports that in its own
     * way (RESTEasy as a 500 by default), so the body is checked where it is read.
     */
    @Provider
    public static class MalformedJson implements ReaderInterceptor {
        @Override
        public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
            PushbackInputStream stream = new PushbackInputStream(context.getInputStream(), 1);
            int first = stream.read();
            if (first == -1) {
                throw new BadRequestException("a JSON body is required");
            }
            stream.unread(first);
            context.setInputStream(stream);
            Object body;
            try {
                body = context.proceed();
            } catch (JsonbException | ProcessingException e) {
                throw new BadRequestException("malformed JSON", e);
            }
            if (body == null) {
                throw new BadRequestException("a JSON body is required");   // the JSON text null
            }
            return body;
        }
    }

    @Provider
    public static class NotFound implements ExceptionMapper<ModelNotFoundException> {
        @Override
        public Response toResponse(ModelNotFoundException e) {
            return new Problem(404, e.getMessage(), null, null).response();
        }
    }

    @Provider
    public static class Duplicate implements ExceptionMapper<UniqueViolationException> {
        @Override
        public Response toResponse(UniqueViolationException e) {
            return new Problem(409, "duplicate value", e.constraint(), null).response();
        }
    }

    /** A reference to a row that does not exist, or the delete of a row that others still refer to. */
    @Provider
    public static class Referenced implements ExceptionMapper<ForeignKeyViolationException> {
        @Override
        public Response toResponse(ForeignKeyViolationException e) {
            return new Problem(409, "foreign key violation", e.constraint(), null).response();
        }
    }

    /** JAX-RS's own errors (an unknown path, a bad query parameter) in the same shape as the others. */
    @Provider
    public static class Http implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response response = e.getResponse();
            return new Problem(response.getStatus(), e.getMessage(), null, null).response();
        }
    }
}
