package dev.ferro.impl.write;

import dev.ferro.Id;
import dev.ferro.Model;
import dev.ferro.Unique;

/**
 * Two unique columns where one name starts with the other ({@code code}, {@code code_alt}), so
 * their constraint names do too: uq_wr_voucher_code and uq_wr_voucher_code_alt.
 */
@Model(table = "wr_voucher")
public class Voucher {
    @Id
    public Long id;

    @Unique
    public String code;

    @Unique
    public String codeAlt;

    public Voucher() {
    }

    public Voucher(String code, String codeAlt) {
        this.code = code;
        this.codeAlt = codeAlt;
    }
}
