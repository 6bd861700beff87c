package dev.ferro.impl.testing.dialect;

import dev.ferro.impl.sql.H2Dialect;

/**
 * A fifth dialect, kept in the test sources to show that one plugs in without editing Ferro: H2 in its
 * SQL Server mode, paged the standard way SQL Server and Oracle require, {@code OFFSET ? ROWS FETCH
 * NEXT ? ROWS ONLY}, which binds the offset before the limit. Found like Ferro's own dialects, through
 * {@code META-INF/services/dev.ferro.impl.sql.Dialect}; it serves the URLs with {@code MODE=MSSQLServer},
 * over the general H2 dialect, by its higher priority.
 */
public final class OffsetFetchDialect extends H2Dialect {
    private static final Paging NONE = new Paging("", false);
    private static final Paging OFFSET = new Paging(" OFFSET ? ROWS", false);
    private static final Paging FETCH = new Paging(" FETCH FIRST ? ROWS ONLY", false);
    private static final Paging OFFSET_FETCH = new Paging(" OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", true);

    @Override
    public String name() {
        return "h2-offset-fetch";
    }

    @Override
    public boolean servesUrl(String lowerUrl) {
        return super.servesUrl(lowerUrl) && lowerUrl.contains(";mode=mssqlserver");
    }

    /** Named explicitly only: a DataSource's product name says H2, whatever its mode. */
    @Override
    public boolean servesProduct(String lowerProductName) {
        return false;
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public Paging paging(boolean hasLimit, boolean hasOffset) {
        if (hasLimit) {
            return hasOffset ? OFFSET_FETCH : FETCH;
        }
        return hasOffset ? OFFSET : NONE;
    }
}
