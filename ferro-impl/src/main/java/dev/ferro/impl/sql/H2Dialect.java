package dev.ferro.impl.sql;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** H2 2.x, in its default (regular) mode. */
public final class H2Dialect extends Dialect {
    /** H2 says {@code NULL not allowed for column "title"}. */
    private static final Pattern NOT_NULL_COLUMN = Pattern.compile("NULL not allowed for column \"([^\"]+)\"");

    @Override
    public String name() {
        return "h2";
    }

    @Override
    public ConstraintKind classify(SQLException error) {
        return classifyAnsi(sqlState(error));
    }

    @Override
    public String notNullColumn(SQLException error) {
        Matcher matcher = NOT_NULL_COLUMN.matcher(messages(error));
        return matcher.find() ? matcher.group(1) : null;
    }
}
