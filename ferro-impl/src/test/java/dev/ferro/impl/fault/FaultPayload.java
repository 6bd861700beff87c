package dev.ferro.impl.fault;

import dev.ferro.Column;
import dev.ferro.Id;
import dev.ferro.Model;

/** A row with an unlimited text column (LONGTEXT on MariaDB), to send a statement larger than the server accepts. */
@Model(table = "fault_payload")
public class FaultPayload {
    @Id
    public Long id;

    @Column(length = Column.UNLIMITED)
    public String payload;

    public FaultPayload() {
    }

    public FaultPayload(String payload) {
        this.payload = payload;
    }
}
