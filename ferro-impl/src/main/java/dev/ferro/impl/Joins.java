package dev.ferro.impl;

import dev.ferro.RefAttribute;
import dev.ferro.impl.hydration.Hydrator;
import dev.ferro.impl.metadata.FieldMetadata;
import dev.ferro.impl.relation.LazyRef;
import dev.ferro.impl.sql.ModelSql;
import dev.ferro.impl.sql.QueryRenderer;
import dev.ferro.impl.transaction.IdentityMap;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Where a row of a joined query ({@code posts.join(Post_.author)}) becomes a model and the models it points at: the
 * model's columns first, then each joined model's, read by that model's hydrator at its offset and through the
 * identity map, so that the targets are the instances a prefetch (or a {@code get()}) would give; each foreign key's
 * {@code Ref} is then resolved to its target.
 */
final class Joins<M> {
    private final Hydrator<M> hydrator;
    private final FieldMetadata[] foreignKeys;
    private final Hydrator<?>[] targets;

    @SuppressWarnings({"unchecked", "rawtypes"})
    Joins(Hydrator<M> hydrator, ModelSql<M> sql, List<RefAttribute<M, ?>> joins, Function<Class<?>, ModelOperations<?>> models) {
        this.hydrator = hydrator;
        this.foreignKeys = new FieldMetadata[joins.size()];
        this.targets = new Hydrator<?>[joins.size()];
        int offset = sql.fields().length;
        for (int i = 0; i < foreignKeys.length; i++) {
            foreignKeys[i] = sql.field(joins.get(i));
            ModelSql target = QueryRenderer.joined(sql, joins.get(i));
            ModelOperations<?> operations = models.apply(target.model().type());
            targets[i] = ((Hydrator) operations.hydrator()).at(target, offset);
            offset += target.fields().length;
        }
    }

    List<M> readAll(ResultSet rows, IdentityMap identityMap) throws SQLException {
        List<M> result = new ArrayList<>();
        while (rows.next()) {
            M row = hydrator.read(rows, identityMap);
            for (int i = 0; i < targets.length; i++) {
                Object target = targets[i].readJoined(rows, identityMap);
                if (target != null && foreignKeys[i].fieldValue(row) instanceof LazyRef<?> ref && !ref.isLoaded()) {
                    ref.resolve(target);
                }
            }
            result.add(row);
        }
        return result;
    }
}
