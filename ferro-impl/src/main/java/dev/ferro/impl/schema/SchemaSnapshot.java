package dev.ferro.impl.schema;

import dev.ferro.OnDelete;
import dev.ferro.impl.metadata.ValueKind;
import dev.ferro.impl.schema.SchemaModel.Column;
import dev.ferro.impl.schema.SchemaModel.Constraint;
import dev.ferro.impl.schema.SchemaModel.ForeignKey;
import dev.ferro.impl.schema.SchemaModel.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link SchemaModel} as the small JSON file a generated migration leaves beside its scripts
 * ({@code V3.schema.json}), and read back: the schema the next migration starts from, with no database.
 * The text is the same for the same schema, byte for byte (fields in a fixed order, two-space indent,
 * {@code \n}), so that generating twice gives identical files. Ferro reads only what it writes: a reader
 * of that shape, not of JSON at large, so the generator needs no JSON library.
 */
public final class SchemaSnapshot {
    public static final int FORMAT = 1;

    private SchemaSnapshot() {
    }

    public static String write(SchemaModel schema) {
        StringBuilder json = new StringBuilder("{\n  \"format\": ").append(FORMAT).append(",\n  \"tables\": [");
        String tableSeparator = "\n";
        for (Table table : schema.tables()) {
            json.append(tableSeparator).append("    {\n      \"name\": ").append(string(table.name())).append(",\n      \"columns\": [");
            String separator = "\n";
            for (Column column : table.columns()) {
                json.append(separator).append("        {\"name\": ").append(string(column.name()))
                        .append(", \"kind\": ").append(string(column.kind().name()))
                        .append(", \"length\": ").append(column.length())
                        .append(", \"precision\": ").append(column.precision())
                        .append(", \"scale\": ").append(column.scale())
                        .append(", \"nullable\": ").append(column.nullable())
                        .append(", \"generated\": ").append(column.generated());
                if (column.defaultValue() != null) {
                    json.append(", \"default\": ").append(string(column.defaultValue()));
                }
                json.append('}');
                separator = ",\n";
            }
            json.append(table.columns().isEmpty() ? "]" : "\n      ]");
            json.append(",\n      \"primaryKey\": ").append(strings(table.primaryKey()));
            constraints(json, "uniques", table.uniques());
            constraints(json, "indexes", table.indexes());
            json.append(",\n      \"foreignKeys\": [");
            separator = "\n";
            for (ForeignKey fk : table.foreignKeys()) {
                json.append(separator).append("        {\"name\": ").append(string(fk.name()))
                        .append(", \"columns\": ").append(strings(fk.columns()))
                        .append(", \"targetTable\": ").append(string(fk.targetTable()))
                        .append(", \"targetColumns\": ").append(strings(fk.targetColumns()))
                        .append(", \"onDelete\": ").append(string(fk.onDelete().name())).append('}');
                separator = ",\n";
            }
            json.append(table.foreignKeys().isEmpty() ? "]" : "\n      ]").append("\n    }");
            tableSeparator = ",\n";
        }
        return json.append(schema.tables().isEmpty() ? "]" : "\n  ]").append("\n}\n").toString();
    }

    /**
     * @throws IllegalArgumentException when the text is not a snapshot Ferro wrote, saying where
     */
    public static SchemaModel read(String text) {
        Object value = new Reader(text).document();
        Map<String, Object> root = object(value, "the snapshot");
        Object format = root.get("format");
        if (!(format instanceof Long number) || number != FORMAT) {
            throw new IllegalArgumentException("The snapshot's format is " + format + "; this Ferro reads format " + FORMAT);
        }
        List<Table> tables = new ArrayList<>();
        for (Object item : list(root.get("tables"), "tables")) {
            Map<String, Object> table = object(item, "a table");
            List<Column> columns = new ArrayList<>();
            for (Object c : list(table.get("columns"), "columns")) {
                Map<String, Object> column = object(c, "a column");
                columns.add(new Column(text(column, "name"), ValueKind.valueOf(text(column, "kind")), (int) number(column, "length"),
                        (int) number(column, "precision"), (int) number(column, "scale"), bool(column, "nullable"), bool(column, "generated"),
                        column.containsKey("default") ? text(column, "default") : null));
            }
            List<ForeignKey> foreignKeys = new ArrayList<>();
            for (Object f : list(table.get("foreignKeys"), "foreignKeys")) {
                Map<String, Object> fk = object(f, "a foreign key");
                foreignKeys.add(new ForeignKey(text(fk, "name"), texts(fk.get("columns")), text(fk, "targetTable"),
                        texts(fk.get("targetColumns")), OnDelete.valueOf(text(fk, "onDelete"))));
            }
            tables.add(new Table(text(table, "name"), columns, texts(table.get("primaryKey")), constraints(table.get("uniques")),
                    constraints(table.get("indexes")), foreignKeys));
        }
        return new SchemaModel(tables);
    }

    private static void constraints(StringBuilder json, String name, List<Constraint> constraints) {
        json.append(",\n      \"").append(name).append("\": [");
        String separator = "\n";
        for (Constraint constraint : constraints) {
            json.append(separator).append("        {\"name\": ").append(string(constraint.name())).append(", \"columns\": ")
                    .append(strings(constraint.columns())).append('}');
            separator = ",\n";
        }
        json.append(constraints.isEmpty() ? "]" : "\n      ]");
    }

    private static List<Constraint> constraints(Object value) {
        List<Constraint> constraints = new ArrayList<>();
        for (Object item : list(value, "constraints")) {
            Map<String, Object> constraint = object(item, "a constraint");
            constraints.add(new Constraint(text(constraint, "name"), texts(constraint.get("columns"))));
        }
        return constraints;
    }

    private static String strings(List<String> values) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            json.append(i == 0 ? "" : ", ").append(string(values.get(i)));
        }
        return json.append(']').toString();
    }

    /** A JSON string; names come from model metadata, but a quote or backslash is escaped all the same. */
    private static String string(String value) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String what) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("The snapshot's " + what + " is not an object");
        }
        return (Map<String, Object>) map;
    }

    private static List<?> list(Object value, String what) {
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("The snapshot's " + what + " is not a list");
        }
        return list;
    }

    private static String text(Map<String, Object> object, String key) {
        if (!(object.get(key) instanceof String text)) {
            throw new IllegalArgumentException("The snapshot's " + key + " is not a string: " + object);
        }
        return text;
    }

    private static List<String> texts(Object value) {
        List<String> texts = new ArrayList<>();
        for (Object item : list(value, "names")) {
            if (!(item instanceof String text)) {
                throw new IllegalArgumentException("The snapshot lists " + item + " where a name belongs");
            }
            texts.add(text);
        }
        return texts;
    }

    private static long number(Map<String, Object> object, String key) {
        if (!(object.get(key) instanceof Long number)) {
            throw new IllegalArgumentException("The snapshot's " + key + " is not a whole number: " + object);
        }
        return number;
    }

    private static boolean bool(Map<String, Object> object, String key) {
        if (!(object.get(key) instanceof Boolean bool)) {
            throw new IllegalArgumentException("The snapshot's " + key + " is not true or false: " + object);
        }
        return bool;
    }

    /** Reads the JSON this class writes: objects, lists, strings, whole numbers, true and false. */
    private static final class Reader {
        private final String text;
        private int at;

        Reader(String text) {
            this.text = text;
        }

        Object document() {
            Object value = value();
            blanks();
            if (at != text.length()) {
                throw error("the end");
            }
            return value;
        }

        private Object value() {
            blanks();
            if (at >= text.length()) {
                throw error("a value");
            }
            char c = text.charAt(at);
            if (c == '{') {
                return object();
            }
            if (c == '[') {
                return list();
            }
            if (c == '"') {
                return string();
            }
            if (text.startsWith("true", at)) {
                at += 4;
                return true;
            }
            if (text.startsWith("false", at)) {
                at += 5;
                return false;
            }
            int start = at;
            if (c == '-') {
                at++;
            }
            while (at < text.length() && Character.isDigit(text.charAt(at))) {
                at++;
            }
            if (start == at || (c == '-' && at == start + 1)) {
                throw error("a value");
            }
            return Long.parseLong(text.substring(start, at));
        }

        private Map<String, Object> object() {
            Map<String, Object> object = new LinkedHashMap<>();
            at++;
            blanks();
            if (peek() == '}') {
                at++;
                return object;
            }
            while (true) {
                blanks();
                String key = string();
                blanks();
                expect(':');
                object.put(key, value());
                blanks();
                if (peek() == ',') {
                    at++;
                } else {
                    expect('}');
                    return object;
                }
            }
        }

        private List<Object> list() {
            List<Object> list = new ArrayList<>();
            at++;
            blanks();
            if (peek() == ']') {
                at++;
                return list;
            }
            while (true) {
                list.add(value());
                blanks();
                if (peek() == ',') {
                    at++;
                } else {
                    expect(']');
                    return list;
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder value = new StringBuilder();
            while (at < text.length() && text.charAt(at) != '"') {
                char c = text.charAt(at++);
                if (c == '\\' && at < text.length()) {
                    char escaped = text.charAt(at++);
                    if (escaped == 'u' && at + 4 <= text.length()) {
                        value.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    } else {
                        value.append(escaped);
                    }
                } else {
                    value.append(c);
                }
            }
            expect('"');
            return value.toString();
        }

        private void blanks() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private char peek() {
            return at < text.length() ? text.charAt(at) : '\0';
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("'" + c + "'");
            }
            at++;
        }

        private IllegalArgumentException error(String expected) {
            return new IllegalArgumentException("The snapshot is not one Ferro wrote: " + expected + " expected at character " + at);
        }
    }
}
