package dev.ferro.impl.hydration;

import dev.ferro.Id;
import dev.ferro.Model;
import dev.ferro.impl.crud.CrudAccount;
import dev.ferro.impl.metadata.FieldMetadata;
import dev.ferro.impl.metadata.ColumnTypes;
import dev.ferro.impl.metadata.ModelReader;
import dev.ferro.impl.types.AllTypes;
import dev.ferro.spi.ModelRows;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class GeneratedRowsTest {

    @Model(table = "generated_rows_nested")
    static class Nested {
        @Id
        Long id;
        String label;
    }

    @Test
    void findsTheRowsTheProcessorWroteWithTheModelsColumnsInOrder() {
        ModelRows<AllTypes> rows = GeneratedRows.find(AllTypes.class, fields(AllTypes.class));

        assertNotNull(rows);
        assertEquals("dev.ferro.impl.types.AllTypes_Rows", rows.getClass().getName());
        assertEquals(Arrays.stream(fields(AllTypes.class)).map(FieldMetadata::name).toList(), rows.fields());
        assertEquals("primitiveBoolean", rows.fields().get(1));
    }

    @Test
    void findsTheRowsOfANestedModel() {
        ModelRows<Nested> rows = GeneratedRows.find(Nested.class, fields(Nested.class));

        assertNotNull(rows);
        assertEquals("dev.ferro.impl.hydration.GeneratedRowsTest_Nested_Rows", rows.getClass().getName());
        assertEquals(List.of("id", "label"), rows.fields());
    }

    @Test
    void noneForAModelWithPrivateFields() {
        assertNull(GeneratedRows.find(CrudAccount.class, fields(CrudAccount.class)));
    }

    @Test
    void noneWhenTheGeneratedColumnsDifferFromTheModels() {
        FieldMetadata[] fields = fields(AllTypes.class);
        FieldMetadata[] swapped = fields.clone();
        swapped[1] = fields[2];
        swapped[2] = fields[1];

        assertNull(GeneratedRows.find(AllTypes.class, swapped));
        assertNull(GeneratedRows.find(AllTypes.class, Arrays.copyOf(fields, fields.length - 1)));
    }

    private static FieldMetadata[] fields(Class<?> model) {
        return new ModelReader(ColumnTypes.NONE).read(model).fields().toArray(FieldMetadata[]::new);
    }
}
