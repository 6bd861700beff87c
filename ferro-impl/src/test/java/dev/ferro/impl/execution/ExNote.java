package dev.ferro.impl.execution;

import dev.ferro.Id;
import dev.ferro.Model;

/** A table the scripted session creates and drops itself. */
@Model(table = "ex_note")
public class ExNote {
    @Id
    public Long id;

    public String text;
}
