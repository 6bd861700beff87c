package dev.ferro.impl.sql;

import dev.ferro.impl.metadata.ColumnTypes;
import dev.ferro.impl.metadata.ModelMetadata;
import dev.ferro.impl.metadata.ModelReader;
import dev.ferro.impl.metadata.ValueKind;
import dev.ferro.impl.types.AllTypes;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Each dialect's table of SQL types, as the DDL of a model with a field of every kind declares them. */
class SqlTypesTest {
    private static final ModelMetadata<AllTypes> ALL_TYPES = new ModelReader(ColumnTypes.NONE).read(AllTypes.class);
    private static final List<String> FIELDS = List.of("primitiveBoolean", "primitiveShort", "primitiveInt", "primitiveLong",
            "primitiveFloat", "primitiveDouble", "wrapperInt", "bigDecimal", "preciseDecimal", "string", "longString", "uuid",
            "localDate", "localTime", "localDateTime", "offsetDateTime", "instant", "bytes", "status");

    private static Map<String, String> declared(Dialect dialect) {
        Map<String, String> types = new LinkedHashMap<>();
        for (String field : FIELDS) {
            types.put(field, dialect.columnType(ALL_TYPES.field(field)));
        }
        return types;
    }

    private static Map<String, String> expected(String... types) {
        Map<String, String> expected = new LinkedHashMap<>();
        for (int i = 0; i < FIELDS.size(); i++) {
            expected.put(FIELDS.get(i), types[i]);
        }
        return expected;
    }

    @Test
    void h2TakesTheStandardTypesWithRoomForSupplementaryCharacters() {
        assertEquals(expected("BOOLEAN", "SMALLINT", "INTEGER", "BIGINT", "REAL", "DOUBLE PRECISION", "INTEGER",
                "NUMERIC(38,2)", "NUMERIC(12,4)", "VARCHAR(510)", "CHARACTER LARGE OBJECT", "UUID", "DATE", "TIME(6)",
                "TIMESTAMP(6)", "TIMESTAMP(6) WITH TIME ZONE", "TIMESTAMP(6) WITH TIME ZONE", "VARBINARY", "VARCHAR(64)"),
                declared(new H2Dialect()));
    }

    @Test
    void postgresqlTakesTheStandardTypesWithTextAndBytea() {
        assertEquals(expected("BOOLEAN", "SMALLINT", "INTEGER", "BIGINT", "REAL", "DOUBLE PRECISION", "INTEGER",
                "NUMERIC(38,2)", "NUMERIC(12,4)", "VARCHAR(255)", "TEXT", "UUID", "DATE", "TIME(6)",
                "TIMESTAMP(6)", "TIMESTAMP(6) WITH TIME ZONE", "TIMESTAMP(6) WITH TIME ZONE", "BYTEA", "VARCHAR(64)"),
                declared(new PostgresDialect()));
    }

    @Test
    void mariadbKeepsUuidsAsTextAndInstantsAsUtcDatetimes() {
        assertEquals(expected("BOOLEAN", "SMALLINT", "INT", "BIGINT", "DOUBLE", "DOUBLE", "INT",
                "DECIMAL(38,2)", "DECIMAL(12,4)", "VARCHAR(255)", "LONGTEXT", "CHAR(36)", "DATE", "TIME(6)",
                "DATETIME(6)", "DATETIME(6)", "DATETIME(6)", "LONGBLOB", "VARCHAR(64)"),
                declared(new MariaDbDialect()));
    }

    @Test
    void sqliteDeclaresItsFourAffinitiesAndKeepsTemporalValuesAsText() {
        assertEquals(expected("INTEGER", "INTEGER", "INTEGER", "INTEGER", "REAL", "REAL", "INTEGER",
                "NUMERIC", "NUMERIC", "TEXT", "TEXT", "TEXT", "TEXT", "TEXT",
                "TEXT", "TEXT", "TEXT", "BLOB", "TEXT"),
                declared(new SqliteDialect()));
    }

    @Test
    void aDialectsChangeLeavesTheStandardTableAsItWas() {
        SqlType standardUuid = SqlTypes.standard().of(ValueKind.UUID);
        SqlTypes changed = SqlTypes.standard().declaring(ValueKind.UUID, "CHAR(36)");

        assertSame(standardUuid, SqlTypes.standard().of(ValueKind.UUID));
        assertNotSame(standardUuid, changed.of(ValueKind.UUID));
        assertSame(standardUuid.binder(), changed.of(ValueKind.UUID).binder());
        assertEquals("CHAR(36)", changed.of(ValueKind.UUID).declaration().of(0, 0, 0));
        assertEquals("UUID", SqlTypes.standard().of(ValueKind.UUID).declaration().of(0, 0, 0));
    }
}
