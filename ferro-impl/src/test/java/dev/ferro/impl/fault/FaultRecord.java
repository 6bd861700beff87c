package dev.ferro.impl.fault;

import dev.ferro.Id;
import dev.ferro.Model;
import dev.ferro.Unique;

/**
 * A row of the fault tests: the writer names each row with a token of its own before inserting it,
 * so that a row whose insert failed ambiguously can still be looked for afterwards.
 */
@Model(table = "fault_record")
public class FaultRecord {
    @Id
    public Long id;

    @Unique
    public String token;

    public int writer;

    public FaultRecord() {
    }

    public FaultRecord(String token, int writer) {
        this.token = token;
        this.writer = writer;
    }

    @Override
    public String toString() {
        return "FaultRecord[" + id + ", " + token + "]";
    }
}
