package dev.ferro.impl.types;

import dev.ferro.Column;
import dev.ferro.Id;
import dev.ferro.Model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One field of every type Ferro stores; every field but the primitives is nullable. */
@Model(table = "types_all")
public class AllTypes {
    @Id
    public Long id;

    public boolean primitiveBoolean;
    public short primitiveShort;
    public int primitiveInt;
    public long primitiveLong;
    public float primitiveFloat;
    public double primitiveDouble;

    public Boolean wrapperBoolean;
    public Short wrapperShort;
    public Integer wrapperInt;
    public Long wrapperLong;
    public Float wrapperFloat;
    public Double wrapperDouble;

    /** The default NUMERIC(38, 2). */
    public BigDecimal bigDecimal;

    @Column(precision = 12, scale = 4)
    public BigDecimal preciseDecimal;

    public String string;

    @Column(length = Column.UNLIMITED)
    public String longString;

    public UUID uuid;
    public LocalDate localDate;
    public LocalTime localTime;
    public LocalDateTime localDateTime;
    public OffsetDateTime offsetDateTime;
    public Instant instant;
    public byte[] bytes;
    public Status status;
}
