package dev.ferro;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.adapter.JsonbAdapter;
import jakarta.json.spi.JsonProvider;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * How JSON-B writes relations: what is already in memory, never a query. A property whose adapter
 * answers null is left out of the JSON.
 */
public final class JsonAdapters {
    private JsonAdapters() {
    }

    /**
     * A {@link Ref} as its target's id, when known without a query; read back as {@link Ref#ofId}: a whole
     * number as a {@code Long}, another number as a {@code BigDecimal}, a string as a {@code String}. Ferro
     * converts the key to the target's id type when it writes the model; a key that does not fit is a
     * validation error on the field. The JSON side is a JSON-P value, not {@code Object}: Yasson (3.0.4, in
     * WildFly and Open Liberty) cannot write an adapted value whose declared type is {@code Object}.
     */
    public static final class RefAdapter implements JsonbAdapter<Ref<?>, JsonValue> {
        @Override
        public JsonValue adaptToJson(Ref<?> ref) {
            Object id = ref.idKnown() ? ref.id() : null;
            if (id == null) {
                return null;
            }
            JsonProvider json = Json.PROVIDER;
            if (id instanceof Long || id instanceof Integer || id instanceof Short || id instanceof Byte) {
                return json.createValue(((Number) id).longValue());
            }
            if (id instanceof BigDecimal decimal) {
                return json.createValue(decimal);
            }
            if (id instanceof BigInteger integer) {
                return json.createValue(integer);
            }
            if (id instanceof Double || id instanceof Float) {
                return json.createValue(((Number) id).doubleValue());
            }
            return json.createValue(id.toString());
        }

        @Override
        public Ref<?> adaptFromJson(JsonValue id) {
            return switch (id.getValueType()) {
                case NULL -> null;
                case STRING -> Ref.ofId(((JsonString) id).getString());
                case NUMBER -> Ref.ofId(key((JsonNumber) id));
                default -> throw new JsonbException("A reference is the id of its target, a number or a string, not " + id);
            };
        }

        private static Object key(JsonNumber number) {
            if (number.isIntegral()) {
                try {
                    return number.longValueExact();
                } catch (ArithmeticException beyondLong) {
                    return number.bigDecimalValue();
                }
            }
            return number.bigDecimalValue();
        }
    }

    /** The JSON-P provider, looked up once (a lookup per value would search the class path each time). */
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
