package dev.ferro.impl.metadata;

import dev.ferro.Column;
import dev.ferro.Id;
import dev.ferro.Index;
import dev.ferro.Model;
import dev.ferro.Unique;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Every nullability and length rule, an id declared after other fields, and fields Ferro leaves out. */
@Model(table = "md_article")
@Index({"title", "views"})
public class MdArticle extends MdAudited {
    public static final String KIND = "article";

    public String title;

    @Id
    public Long id;

    public int views;

    @NotNull
    public Integer rank;

    @Unique
    @NotBlank
    public String slug;

    @NotEmpty
    public String body;

    @Column(nullable = false)
    public String author;

    @Size(max = 80)
    public String subtitle;

    @Size(max = 80)
    @Column(length = 120)
    public String summary;

    @Size(min = 3)
    public String code;

    @Column(length = Column.UNLIMITED)
    public String content;

    @Column(name = "is_featured")
    public Boolean featured;

    public transient String preview;
}
