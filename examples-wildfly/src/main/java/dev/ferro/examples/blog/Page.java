package dev.ferro.examples.blog;

import dev.ferro.NumericAttribute;
import dev.ferro.Query;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;

import java.util.List;

/**
 * The page a list endpoint returns, in id order: {@code ?limit=20&offset=40}, or keyset paging with
 * {@code ?after=<the last id of the previous page>}, which stays fast and stable while rows are added.
 * The parameters are read as text so that {@code ?limit=abc} is a 400 naming the parameter, not JAX-RS's 404.
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

    /** This page of the query's rows; {@code id} is the model's id attribute. */
    public <M> List<M> of(Query<M> query, NumericAttribute<M, Long> id) {
        Query<M> page = query.orderBy(id.asc())
                .limit(number("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT))
                .offset(number("offset", offset, 0, 0, Long.MAX_VALUE));
        if (after != null) {
            page = page.where(id.gt(number("after", after, 0, 0, Long.MAX_VALUE)));
        }
        return page.all();
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
