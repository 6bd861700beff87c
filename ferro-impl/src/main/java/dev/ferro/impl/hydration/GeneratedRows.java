package dev.ferro.impl.hydration;

import dev.ferro.impl.metadata.FieldMetadata;
import dev.ferro.spi.ModelRows;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Finds the {@code <Model>_Rows} class that the annotation processor wrote beside a model (its
 * metamodel's name plus {@code Rows}: {@code Outer_Inner_Rows} for a nested {@code Outer.Inner}).
 */
final class GeneratedRows {
    private static final Logger LOG = Logger.getLogger(GeneratedRows.class.getName());

    private GeneratedRows() {
    }

    /**
     * The model's generated rows, or null when there are none or when they read other fields than
     * {@code fields}, in another order (a class compiled against an older version of the model).
     */
    @SuppressWarnings("unchecked")
    static <M> ModelRows<M> find(Class<M> model, FieldMetadata[] fields) {
        String name = model.getPackageName().isEmpty() ? rowsName(model) : model.getPackageName() + "." + rowsName(model);
        Object rows;
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(model, MethodHandles.lookup());
            Class<?> type = lookup.findClass(name);
            if (!ModelRows.class.isAssignableFrom(type)) {
                return null;
            }
            rows = lookup.findConstructor(type, MethodType.methodType(void.class)).invoke();
        } catch (ClassNotFoundException e) {
            return null;
        } catch (Throwable e) {
            LOG.log(Level.FINE, e, () -> "Cannot use " + name + "; " + model.getName() + " is read through method handles");
            return null;
        }
        List<String> generated = ((ModelRows<M>) rows).fields();
        List<String> expected = java.util.Arrays.stream(fields).map(FieldMetadata::name).toList();
        if (!generated.equals(expected)) {
            LOG.fine(() -> name + " reads " + generated + " but " + model.getName() + " has the columns " + expected
                    + "; its rows are read through method handles");
            return null;
        }
        return (ModelRows<M>) rows;
    }

    private static String rowsName(Class<?> model) {
        StringBuilder name = new StringBuilder(model.getSimpleName()).append('_');
        for (Class<?> outer = model.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
            name.insert(0, outer.getSimpleName() + "_");
        }
        return name.append("Rows").toString();
    }
}
