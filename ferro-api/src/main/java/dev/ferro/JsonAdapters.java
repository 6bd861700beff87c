package dev.ferro;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.adapter.JsonbAdapter;
import jakarta.json.spi.JsonProvider;

import java.math.BigDecimal;
import java.util.List;

/**
 * How JSON-B writes relations: what is already in memory, never a query. A property whose adapter
 * answers null is left out of the JSON.
 */
public final class JsonAdapters {
    private JsonAdapters() {
    }

    /**
     * A {@link Ref} as its target's id, when known without a query: a JSON number for an integral
     * id, a string for a String or UUID id. Read back as {@link Ref#ofId}: an integral number as a
     * {@code Long} (Ferro converts it to the target's id type when it writes the model), any other
     * number as a {@code BigDecimal}, a string as a {@code String}.
     *
     * <p>The adapted type is a {@link JsonValue} rather than {@code Object}: Yasson cannot write an
     * adapter's {@code Object} result, and a null {@code JsonValue} leaves the property out.
     */
    public static final class RefAdapter implements JsonbAdapter<Ref<?>, JsonValue> {
        @Override
        public JsonValue adaptToJson(Ref<?> ref) {
            Object id = ref.idKnown() ? ref.id() : null;
            if (id == null) {
                return null;
            }
            JsonProvider json = Json.PROVIDER;
            if (id instanceof Long || id instanceof Integer || id instanceof Short) {
                return json.createValue(((Number) id).longValue());
            }
            if (id instanceof BigDecimal decimal) {
                return json.createValue(decimal);
            }
            return json.createValue(id.toString());
        }

        @Override
        public Ref<?> adaptFromJson(JsonValue json) {
            if (json == null) {
                return null;
            }
            switch (json.getValueType()) {
                case NULL:
                    return null;
                case NUMBER:
                    JsonNumber number = (JsonNumber) json;
                    BigDecimal value = number.bigDecimalValue();
                    if (number.isIntegral() && value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0) {
                        return Ref.ofId(value.longValueExact());
                    }
                    return Ref.ofId(value);
                case STRING:
                    return Ref.ofId(((JsonString) json).getString());
                default:
                    throw new IllegalArgumentException("A Ref is read from its target's id, a JSON number or string, not "
                            + json.getValueType() + " " + json);
            }
        }
    }

    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    /** Looked up once: {@code jakarta.json.Json} would search for the provider on every value. */
    private static final class Json {
        static final JsonProvider PROVIDER = JsonProvider.provider();
    }

    /**
     * A {@link Relation} as the list of its rows when prefetched, else left out. Relations are not
     * read from JSON: the property is ignored, as links change only through {@link Relation#add}.
     */
    public static final class RelationAdapter implements JsonbAdapter<Relation<?>, List<?>> {
        @Override
        public List<?> adaptToJson(Relation<?> relation) {
            return relation.isLoaded() ? relation.all() : null;
        }

        @Override
        public Relation<?> adaptFromJson(List<?> rows) {
            return null;
        }
    }
}
