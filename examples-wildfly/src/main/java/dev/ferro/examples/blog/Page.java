package dev.ferro.examples.blog;

import dev.ferro.InvalidQueryException;
import dev.ferro.NumericAttribute;
import dev.ferro.Query;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The page a list endpoint returns, in id order: Ferro's cursor pages, the next one linked from the response
 * ({@code Link: <...?after=<cursor>>; rel="next"}), which stay fast and stable while rows are added; or
 * {@code ?limit=20&offset=40}. The parameters are read as text so that {@code ?limit=abc} is a 400 naming the
 * parameter, not JAX-RS's 404.
 */
public class Page {
    static final long DEFAULT_LIMIT = 20;
    static final long MAX_LIMIT = 100;

    @QueryParam("limit")
    String limit;

    @QueryParam("offset")
    String offset;

    @QueryParam("after")
    String after;

    @Context
    UriInfo uri;

    /** This page of the query's rows, as the response; {@code id} is the model's id attribute. */
    public <M> Response of(Query<M> query, NumericAttribute<M, Long> id) {
        Query<M> ordered = query.orderBy(id.asc());
        int size = (int) number("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        if (offset != null) {
            return Response.ok(ordered.limit(size).offset(number("offset", offset, 0, 0, Long.MAX_VALUE)).all()).build();
        }
        Query<M> from = ordered;
        if (after != null) {
            try {
                from = ordered.after(after);
            } catch (InvalidQueryException forged) {
                throw new BadRequestException("after must be the cursor a page of this list links to");
            }
        }
        dev.ferro.Page<M> page = from.page(size);
        Response.ResponseBuilder response = Response.ok(page.items());
        if (page.hasNext()) {
            response.link(uri.getRequestUriBuilder().replaceQueryParam("after", page.nextCursor()).build(), "next");
        }
        return response.build();
    }

    /** A query parameter that names a row by id, such as {@code ?author=7}. */
    static long id(String name, String text) {
        return number(name, text, 0, 1, Long.MAX_VALUE);
    }

    private static long number(String name, String text, long absent, long min, long max) {
        if (text == null) {
            return absent;
        }
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // The same answer as for a number out of range.
        }
        throw new BadRequestException(name + " must be a whole number from " + min + (max == Long.MAX_VALUE ? " up" : " to " + max));
    }
}
