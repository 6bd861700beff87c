package dev.ferro.impl.metadata;

import java.time.Instant;

/** A plain superclass whose fields its models inherit as columns. */
public abstract class MdAudited {
    public static int instances;

    public Instant createdAt;
}
