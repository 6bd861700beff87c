package dev.ferro.impl.concurrency;

import dev.ferro.Id;
import dev.ferro.Model;
import dev.ferro.Version;

/** An application-keyed row with an {@code Integer} version. */
@Model(table = "cc_boxed_version")
public class CcBoxedVersion {
    @Id(generated = false)
    public String code;

    public String label;

    @Version
    public Integer version;

    public CcBoxedVersion() {
    }

    public CcBoxedVersion(String code, String label) {
        this.code = code;
        this.label = label;
    }
}
