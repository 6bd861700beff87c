package dev.ferro.impl;

import dev.ferro.Attribute;
import dev.ferro.Condition;
import dev.ferro.InvalidQueryException;
import dev.ferro.Order;
import dev.ferro.Page;
import dev.ferro.impl.metadata.FieldMetadata;
import dev.ferro.impl.metadata.ModelMetadata;
import dev.ferro.impl.sql.ModelSql;
import dev.ferro.impl.sql.QuerySpec;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Keyset pages of a model's queries ({@code query.orderBy(...).after(cursor).page(20)}): the ordering made unique by
 * the id, the condition that starts a page after (or ends it before) a row's ordering values, and the cursor that
 * carries those values: URL-safe Base64 of the ordering's signature and the values as text. A cursor is only ever
 * parsed into values of the ordering columns' types, which are then bound like any other; one that does not parse,
 * or was made for another model or ordering, is refused.
 */
final class CursorPages<M> {
    private static final String VERSION = "1";
    private static final int MAX_CACHED_ORDERINGS = 1_000;

    private final ModelMetadata<M> model;
    private final ModelSql<M> sql;
    private final Attribute<M, Object> id;
    private final java.util.concurrent.ConcurrentHashMap<List<Order<M>>, Keys> keysByOrdering = new java.util.concurrent.ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    CursorPages(ModelSql<M> sql) {
        this.sql = sql;
        this.model = sql.model();
        this.id = new Attribute<>(model.type(), model.id().name(), (Class<Object>) model.id().type());
    }

    /**
     * The ordering keys of a page: the query's, then the id unless it is one of them; where each key's NULLs sort,
     * made explicit (last, unless the order says {@code nullsFirst()}) so that a cursor's NULL has one place on every
     * database.
     */
    private record Keys(List<Attribute<?, ?>> attributes, List<FieldMetadata> fields, List<Boolean> descending,
                        List<Boolean> nullsFirst, String signature) {
    }

    /** The keys of each ordering seen, made once: a page and its cursor need them at every call. */
    private Keys keys(QuerySpec<M> spec) {
        if (spec.grouped()) {
            throw new InvalidQueryException("page(...) of a query of " + model.name() + " grouped by " + spec.groupBy()
                    + " is refused: a page has rows to continue after, a grouped query has groups");
        }
        Keys known = keysByOrdering.get(spec.orders());
        if (known == null) {
            known = keys(spec.orders());
            if (keysByOrdering.size() < MAX_CACHED_ORDERINGS) {
                keysByOrdering.putIfAbsent(spec.orders(), known);
            }
        }
        return known;
    }

    private Keys keys(List<Order<M>> ordering) {
        List<Attribute<?, ?>> attributes = new ArrayList<>();
        List<FieldMetadata> fields = new ArrayList<>();
        List<Boolean> descending = new ArrayList<>();
        List<Boolean> nullsFirst = new ArrayList<>();
        StringBuilder signature = new StringBuilder(model.name());
        for (Order<M> order : ordering) {
            if (!(order.expression() instanceof Attribute<?, ?> attribute) || attribute.via() != null) {
                throw new InvalidQueryException("page(...) is refused: it orders by " + order.expression()
                        + ", and a page continues after the values of the model's own columns");
            }
            FieldMetadata field = sql.field(attribute);
            if (fields.contains(field)) {
                continue;
            }
            boolean first = field.nullable() && order.nulls() == Order.Nulls.FIRST;
            attributes.add(attribute);
            fields.add(field);
            descending.add(order.descending());
            nullsFirst.add(first);
            signature.append(',').append(field.name()).append(order.descending() ? " DESC" : " ASC")
                    .append(field.nullable() ? (first ? " NULLS FIRST" : " NULLS LAST") : "");
        }
        if (!fields.contains(model.id())) {
            attributes.add(id);
            fields.add(model.id());
            descending.add(false);
            nullsFirst.add(false);
            signature.append(',').append(model.id().name()).append(" ASC");
        }
        return new Keys(List.copyOf(attributes), List.copyOf(fields), List.copyOf(descending), List.copyOf(nullsFirst),
                signature.toString());
    }

    /** The query narrowed to the rows after (or, {@code backward}, before) the row the cursor names. */
    QuerySpec<M> from(QuerySpec<M> spec, String cursor, boolean backward) {
        Keys keys = keys(spec);
        List<Object> values = decode(keys, cursor);
        // (k1 after v1) OR (k1 = v1 AND k2 after v2) OR ...: "after" in the page's direction, which backward is the
        // ordering reversed, NULLs' place too.
        List<Condition<M>> alternatives = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            Condition<M> after = after(keys.attributes().get(i), values.get(i), keys.descending().get(i) != backward,
                    keys.nullsFirst().get(i) != backward);
            if (after == null) {
                continue;
            }
            List<Condition<M>> terms = new ArrayList<>(i + 1);
            for (int j = 0; j < i; j++) {
                Object value = values.get(j);
                terms.add(value == null ? isNull(keys.attributes().get(j), false) : compare(keys.attributes().get(j), Condition.Operator.EQ, value));
            }
            terms.add(after);
            alternatives.add(terms.size() == 1 ? terms.get(0) : new Condition.And<>(List.copyOf(terms)));
        }
        return spec.where(new Condition.Or<>(List.copyOf(alternatives)));
    }

    /** The rows whose key sorts strictly after {@code value}; null when none can (a NULL sorting last). */
    private Condition<M> after(Attribute<?, ?> key, Object value, boolean descending, boolean nullsFirst) {
        if (value == null) {
            return nullsFirst ? isNull(key, true) : null;
        }
        Condition<M> beyond = compare(key, descending ? Condition.Operator.LT : Condition.Operator.GT, value);
        return nullsFirst || !sql.field(key).nullable() ? beyond : new Condition.Or<>(List.of(beyond, isNull(key, false)));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Condition<M> isNull(Attribute<?, ?> attribute, boolean negated) {
        return new Condition.IsNull<>((Attribute) attribute, negated);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Condition<M> compare(Attribute<?, ?> attribute, Condition.Operator operator, Object value) {
        return new Condition.Compare<>((Attribute) attribute, operator, value);
    }

    /**
     * Reads a page: {@code size + 1} rows in the keys' order (reversed when {@code backward}), the extra one telling
     * whether there are more.
     */
    Page<M> page(ModelOperations<M> operations, QuerySpec<M> spec, int size, boolean backward, boolean fromCursor) {
        if (size <= 0) {
            throw new IllegalArgumentException("page(" + size + ") of " + model.name() + ": a page holds at least one row");
        }
        if (spec.paged()) {
            throw new InvalidQueryException("page(...) of " + model.name() + " is refused with limit(...) or offset(...):"
                    + " the page sets its own");
        }
        Keys keys = keys(spec);
        List<Order<M>> orders = new ArrayList<>(keys.fields().size());
        for (int i = 0; i < keys.fields().size(); i++) {
            orders.add(order(keys.attributes().get(i), keys.descending().get(i) != backward,
                    keys.fields().get(i).nullable() ? (keys.nullsFirst().get(i) != backward ? Order.Nulls.FIRST : Order.Nulls.LAST)
                            : Order.Nulls.DEFAULT));
        }
        QuerySpec<M> read = new QuerySpec<>(spec.conditions(), List.copyOf(orders), size + 1L, -1, spec.scope(), spec.prefetch(),
                spec.lock(), List.of(), List.of(), spec.joins());
        List<M> rows = new ArrayList<>(operations.list(read));
        boolean more = rows.size() > size;
        if (more) {
            rows.remove(rows.size() - 1);
        }
        if (backward) {
            Collections.reverse(rows);
        }
        boolean hasNext = backward ? fromCursor : more;
        boolean hasPrevious = backward ? more : fromCursor;
        String next = hasNext && !rows.isEmpty() ? encode(keys, rows.get(rows.size() - 1)) : null;
        String previous = hasPrevious && !rows.isEmpty() ? encode(keys, rows.get(0)) : null;
        return new Page<>(rows, next != null, previous != null, next, previous);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Order<M> order(Attribute<?, ?> attribute, boolean descending, Order.Nulls nulls) {
        return new Order<>((Attribute) attribute, descending, nulls);
    }

    private String encode(Keys keys, M row) {
        StringBuilder text = new StringBuilder(VERSION).append('\n').append(keys.signature()).append('\n');
        for (FieldMetadata field : keys.fields()) {
            Object value = field.get(row);
            if (value == null) {
                text.append("-1:");
            } else {
                String shown = value.toString();
                text.append(shown.length()).append(':').append(shown);
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private List<Object> decode(Keys keys, String cursor) {
        if (cursor == null) {
            throw new IllegalArgumentException("A null cursor: the first page is page(size) without after(...) or before(...)");
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int header = text.indexOf('\n');
            int body = text.indexOf('\n', header + 1);
            if (header < 0 || body < 0 || !text.substring(0, header).equals(VERSION)) {
                throw new IllegalArgumentException("it is not a Ferro cursor");
            }
            String signature = text.substring(header + 1, body);
            if (!signature.equals(keys.signature())) {
                throw new IllegalArgumentException("it was made for (" + signature + ")");
            }
            List<Object> values = new ArrayList<>(keys.fields().size());
            int at = body + 1;
            for (FieldMetadata field : keys.fields()) {
                int colon = text.indexOf(':', at);
                int length = Integer.parseInt(text.substring(at, colon));
                if (length == -1 && field.nullable()) {
                    values.add(null);
                    at = colon + 1;
                    continue;
                }
                String value = text.substring(colon + 1, colon + 1 + length);
                values.add(parse(field, value));
                at = colon + 1 + length;
            }
            if (at != text.length()) {
                throw new IllegalArgumentException("it has more values than the ordering");
            }
            return values;
        } catch (RuntimeException e) {
            throw new InvalidQueryException("The cursor is not one of a page of " + keys.signature().replaceFirst(",", " ordered by (")
                    + "): " + e.getMessage());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object parse(FieldMetadata field, String text) {
        return switch (field.kind()) {
            case SHORT -> Short.valueOf(text);
            case INT -> Integer.valueOf(text);
            case LONG -> Long.valueOf(text);
            case FLOAT -> Float.valueOf(text);
            case DOUBLE -> Double.valueOf(text);
            case DECIMAL -> new BigDecimal(text);
            case STRING -> text;
            case BOOLEAN -> Boolean.valueOf(text);
            case UUID -> UUID.fromString(text);
            case LOCAL_DATE -> LocalDate.parse(text);
            case LOCAL_TIME -> LocalTime.parse(text);
            case LOCAL_DATE_TIME -> LocalDateTime.parse(text);
            case OFFSET_DATE_TIME -> OffsetDateTime.parse(text);
            case INSTANT -> Instant.parse(text);
            case ENUM -> Enum.valueOf((Class) field.type(), text);
            case BYTES -> throw new IllegalArgumentException(field + " is binary, which a page cannot order by");
        };
    }
}
