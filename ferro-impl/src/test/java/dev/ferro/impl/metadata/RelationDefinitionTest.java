package dev.ferro.impl.metadata;

import dev.ferro.ModelDefinitionException;
import dev.ferro.impl.testing.DatabaseTest;
import dev.ferro.impl.testing.StatementLog;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A relation whose two sides do not fit together, or that is declared in a way Ferro cannot map,
 * stops Ferro at start, before any statement, with a message naming the model (fully qualified),
 * the field, the other model and the relatedName, and saying what to declare instead.
 */
class RelationDefinitionTest extends DatabaseTest {
    private static final String INVALID = ModelSource.PACKAGE + ".";

    private static final String USER = """
            @Model(table = "rd_user")
            public class User {
                @Id public Long id;
                public String name;
            }
            """;
    private static final String USER_WITH_POSTS = """
            @Model(table = "rd_user")
            public class User {
                @Id public Long id;
                @BackRef public Relation<Post> posts;
            }
            """;
    private static final String POST = """
            @Model(table = "rd_post")
            public class Post {
                @Id public Long id;
                @ForeignKey(relatedName = "posts") public Ref<User> author;
            }
            """;
    private static final String TAG = """
            @Model(table = "rd_tag")
            public class Tag {
                @Id public Long id;
                public String name;
            }
            """;
    private static final String POST_WITH_TAGS = """
            @Model(table = "rd_post")
            public class Post {
                @Id public Long id;
                @ManyToMany(relatedName = "posts") public Relation<Tag> tags;
            }
            """;

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {MdTag.class};
    }

    @Test
    void foreignKeyWhoseRelatedNameTheTargetLacksIsRejected() {
        ModelDefinitionException e = rejected("Post", USER, POST);

        assertEquals("Model " + INVALID + "Post, field 'author': defines a relationship to User with relatedName = \"posts\", "
                + "but User does not have that field; declare @BackRef public Relation<Post> posts in " + INVALID + "User",
                e.getMessage());
        assertEquals("author", e.field());
    }

    @Test
    void foreignKeyWhoseRelatedNameIsAColumnOfTheTargetIsRejected() {
        ModelDefinitionException e = rejected("Post", """
                @Model(table = "rd_user")
                public class User {
                    @Id public Long id;
                    public String posts;
                }
                """, POST);

        assertEquals("Model " + INVALID + "Post, field 'author': defines a relationship to User with relatedName = \"posts\", "
                + "but User.posts is a column of type String, not the reverse side of Post.author; "
                + "declare @BackRef public Relation<Post> posts in " + INVALID + "User (or choose another relatedName)",
                e.getMessage());
    }

    @Test
    void foreignKeyWhoseRelatedNameIsTheReverseSideOfAnotherModelIsRejected() {
        ModelDefinitionException e = rejected("Post", """
                @Model(table = "rd_user")
                public class User {
                    @Id public Long id;
                    @BackRef public Relation<Comment> posts;
                }
                """, """
                @Model(table = "rd_comment")
                public class Comment {
                    @Id public Long id;
                    @ForeignKey(relatedName = "posts") public Ref<User> writer;
                }
                """, POST);

        assertEquals("Model " + INVALID + "Post, field 'author': defines a relationship to User with relatedName = \"posts\", "
                + "but User.posts is a @BackRef Relation<Comment>, not the reverse side of Post.author; "
                + "declare @BackRef public Relation<Post> posts in " + INVALID + "User (or choose another relatedName)",
                e.getMessage());
    }

    @Test
    void backRefThatNoFieldPointsAtIsRejected() {
        ModelDefinitionException e = rejected("User", USER_WITH_POSTS, """
                @Model(table = "rd_post")
                public class Post {
                    @Id public Long id;
                    @ForeignKey(relatedName = "") public Ref<User> author;
                }
                """);

        assertEquals("Model " + INVALID + "User, field 'posts': is a @BackRef, but no field of Post points at User "
                + "with relatedName = \"posts\"; declare @ForeignKey(relatedName = \"posts\") Ref<User> (or @ManyToMany) in "
                + INVALID + "Post", e.getMessage());
        assertEquals("posts", e.field());
    }

    @Test
    void twoForeignKeysWithTheSameRelatedNameAreAmbiguous() {
        ModelDefinitionException e = rejected("User", """
                @Model(table = "rd_message")
                public class Message {
                    @Id public Long id;
                    @ForeignKey(relatedName = "messages") public Ref<User> sender;
                    @ForeignKey(relatedName = "messages") public Ref<User> recipient;
                }
                """, """
                @Model(table = "rd_user")
                public class User {
                    @Id public Long id;
                    @BackRef public Relation<Message> messages;
                }
                """);

        assertEquals("Model " + INVALID + "User, field 'messages': is the reverse side of 2 fields of Message "
                + "(sender, recipient) with relatedName = \"messages\"; give each its own relatedName and its own @BackRef field",
                e.getMessage());
        assertEquals("messages", e.field());
    }

    private static final String PROFILE = """
            @Model(table = "rd_profile")
            public class Profile {
                @Id public Long id;
                @ForeignKey(relatedName = "profile", unique = true) public Ref<User> user;
            }
            """;
    private static final String USER_WITH_PROFILES = """
            @Model(table = "rd_user")
            public class User {
                @Id public Long id;
                @BackRef public Relation<Profile> profile;
            }
            """;

    @Test
    void reverseOfAUniqueForeignKeyDeclaredAsRelationIsRejected() {
        ModelDefinitionException e = rejected("User", USER_WITH_PROFILES, PROFILE);

        assertEquals("Model " + INVALID + "User, field 'profile': is a Relation, but Profile.user is a unique foreign key "
                + "(one-to-one): declare the field as Ref<Profile>", e.getMessage());
        assertEquals("profile", e.field());
    }

    @Test
    void uniqueForeignKeyWhoseReverseIsARelationIsRejectedFromTheForeignKeySide() {
        ModelDefinitionException e = rejected("Profile", PROFILE, USER_WITH_PROFILES);

        assertEquals("Model " + INVALID + "Profile, field 'user': defines a relationship to User with relatedName = \"profile\", "
                + "but User.profile is a @BackRef Relation<Profile>; the reverse side of a unique foreign key (one-to-one) "
                + "is a Ref: declare it as @BackRef public Ref<Profile> profile", e.getMessage());
        assertEquals("user", e.field());
    }

    private static final String USER_WITH_ONE_POST = """
            @Model(table = "rd_user")
            public class User {
                @Id public Long id;
                @BackRef public Ref<Post> posts;
            }
            """;

    @Test
    void reverseOfAForeignKeyThatIsNotUniqueDeclaredAsRefIsRejected() {
        ModelDefinitionException e = rejected("User", USER_WITH_ONE_POST, POST);

        assertEquals("Model " + INVALID + "User, field 'posts': is a Ref, but Post.author is not a unique foreign key: "
                + "declare the field as Relation<Post>, or make Post.author unique = true", e.getMessage());
    }

    @Test
    void foreignKeyThatIsNotUniqueWhoseReverseIsARefIsRejectedFromTheForeignKeySide() {
        ModelDefinitionException e = rejected("Post", POST, USER_WITH_ONE_POST);

        assertEquals("Model " + INVALID + "Post, field 'author': defines a relationship to User with relatedName = \"posts\", "
                + "but User.posts is a @BackRef Ref<Post>; the reverse side of a foreign key that is not unique is a Relation: "
                + "declare it as @BackRef public Relation<Post> posts", e.getMessage());
    }

    private static final String TAG_WITH_ONE_POST = """
            @Model(table = "rd_tag")
            public class Tag {
                @Id public Long id;
                @BackRef public Ref<Post> posts;
            }
            """;

    @Test
    void reverseOfAManyToManyDeclaredAsRefIsRejected() {
        ModelDefinitionException e = rejected("Tag", TAG_WITH_ONE_POST, POST_WITH_TAGS);

        assertEquals("Model " + INVALID + "Tag, field 'posts': is a Ref, but Post.tags is a @ManyToMany: "
                + "declare the field as Relation<Post>", e.getMessage());
    }

    @Test
    void manyToManyWhoseReverseIsARefIsRejectedFromTheManyToManySide() {
        ModelDefinitionException e = rejected("Post", POST_WITH_TAGS, TAG_WITH_ONE_POST);

        assertEquals("Model " + INVALID + "Post, field 'tags': defines a relationship to Tag with relatedName = \"posts\", "
                + "but Tag.posts is a @BackRef Ref<Post>; the reverse side of a @ManyToMany is a Relation: "
                + "declare it as @BackRef public Relation<Post> posts", e.getMessage());
    }

    @Test
    void manyToManyWhoseRelatedNameTheTargetLacksIsRejected() {
        ModelDefinitionException e = rejected("Post", TAG, POST_WITH_TAGS);

        assertEquals("Model " + INVALID + "Post, field 'tags': defines a relationship to Tag with relatedName = \"posts\", "
                + "but Tag does not have that field; declare @BackRef public Relation<Post> posts in " + INVALID + "Tag",
                e.getMessage());
        assertEquals("tags", e.field());
    }

    @Test
    void twoManyToManysNamingEachOtherAreRejected() {
        ModelDefinitionException e = rejected("Post", POST_WITH_TAGS, """
                @Model(table = "rd_tag")
                public class Tag {
                    @Id public Long id;
                    @ManyToMany(relatedName = "tags") public Relation<Post> posts;
                }
                """);

        assertEquals("Model " + INVALID + "Post, field 'tags': defines a relationship to Tag with relatedName = \"posts\", "
                + "but Tag.posts is a @ManyToMany Relation<Post>, not the reverse side of Post.tags; "
                + "declare @BackRef public Relation<Post> posts in " + INVALID + "Tag (or choose another relatedName)",
                e.getMessage());
    }

    @Test
    void setNullOnAForeignKeyThatIsNotNullableIsRejected() {
        ModelDefinitionException e = rejected("Post", USER, """
                @Model(table = "rd_post")
                public class Post {
                    @Id public Long id;
                    @ForeignKey(relatedName = "", onDelete = OnDelete.SET_NULL) public Ref<User> author;
                }
                """);

        assertEquals("Model " + INVALID + "Post, field 'author': has onDelete = SET_NULL but is not nullable; "
                + "add nullable = true, or choose another onDelete", e.getMessage());
        assertEquals("author", e.field());
    }

    @Test
    void selfReferenceThatIsNotNullableIsRejected() {
        ModelDefinitionException e = rejected("Category", """
                @Model(table = "rd_category")
                public class Category {
                    @Id public Long id;
                    @ForeignKey(relatedName = "") public Ref<Category> parent;
                }
                """);

        assertEquals("Model " + INVALID + "Category, field 'parent': points at its own model and must be nullable = true: "
                + "the first row has nothing to point at", e.getMessage());
        assertEquals("parent", e.field());
    }

    @Test
    void refWithoutForeignKeyOrBackRefIsRejected() {
        ModelDefinitionException e = rejected("Post", USER, """
                @Model(table = "rd_post")
                public class Post {
                    @Id public Long id;
                    public Ref<User> author;
                }
                """);

        assertEquals("Model " + INVALID + "Post, field 'author': is a Ref without @ForeignKey or @BackRef: mark it @ForeignKey "
                + "to store the target's key, or @BackRef for the reverse side of another model's unique foreign key",
                e.getMessage());
        assertEquals("author", e.field());
    }

    @Test
    void relationWithoutBackRefOrManyToManyIsRejected() {
        ModelDefinitionException e = rejected("Post", TAG, """
                @Model(table = "rd_post")
                public class Post {
                    @Id public Long id;
                    public Relation<Tag> tags;
                }
                """);

        assertEquals("Model " + INVALID + "Post, field 'tags': is a Relation without @BackRef or @ManyToMany: mark it @BackRef "
                + "for the reverse side of another model's foreign key, or @ManyToMany for a many-to-many through a join table",
                e.getMessage());
        assertEquals("tags", e.field());
    }

    @Test
    void relationWithForeignKeyIsRejected() {
        ModelDefinitionException e = rejected("Post", USER, """
                @Model(table = "rd_post")
                public class Post {
                    @Id public Long id;
                    @ForeignKey(relatedName = "") public Relation<User> author;
                }
                """);

        assertEquals("Model " + INVALID + "Post, field 'author': is a Relation with @ForeignKey, which goes on a Ref: "
                + "declare the foreign key as Ref<User>", e.getMessage());
    }

    @Test
    void rawRefIsRejected() {
        ModelDefinitionException e = rejected("Post", """
                @Model(table = "rd_post")
                public class Post {
                    @Id public Long id;
                    @SuppressWarnings("rawtypes") @ForeignKey(relatedName = "") public Ref author;
                }
                """);

        assertEquals("Model " + INVALID + "Post, field 'author': has type dev.ferro.Ref; name the related model, as in Ref<User>",
                e.getMessage());
        assertEquals("author", e.field());
    }

    @Test
    void rawRelationIsRejected() {
        ModelDefinitionException e = rejected("User", """
                @Model(table = "rd_user")
                public class User {
                    @Id public Long id;
                    @SuppressWarnings("rawtypes") @BackRef public Relation posts;
                }
                """);

        assertEquals("Model " + INVALID + "User, field 'posts': has type dev.ferro.Relation; name the related model, "
                + "as in Relation<User>", e.getMessage());
    }

    @Test
    void foreignKeyToAClassThatIsNotAModelIsRejected() {
        ModelDefinitionException e = rejected("Post", """
                @Model(table = "rd_post")
                public class Post {
                    @Id public Long id;
                    @ForeignKey(relatedName = "") public Ref<dev.ferro.impl.metadata.NotAModel> author;
                }
                """);

        assertEquals("Model " + INVALID + "Post, field 'author': points at dev.ferro.impl.metadata.NotAModel, "
                + "which is not annotated with @dev.ferro.Model", e.getMessage());
        assertEquals("author", e.field());
    }

    @Test
    void manyToManyToAClassThatIsNotAModelIsRejected() {
        ModelDefinitionException e = rejected("Post", """
                @Model(table = "rd_post")
                public class Post {
                    @Id public Long id;
                    @ManyToMany(relatedName = "") public Relation<String> tags;
                }
                """);

        assertEquals("Model " + INVALID + "Post, field 'tags': points at java.lang.String, which is not annotated with @dev.ferro.Model",
                e.getMessage());
    }

    @Test
    void foreignKeyToAnInvalidModelIsRejectedWithTheTargetsProblem() {
        ModelDefinitionException e = rejected("Post", """
                @Model(table = "rd_post")
                public class Post {
                    @Id public Long id;
                    @ForeignKey(relatedName = "") public Ref<User> author;
                }
                """, """
                @Model(table = "rd_user")
                public class User {
                    public Long code;
                }
                """);

        assertEquals("Model " + INVALID + "Post, field 'author': points at " + INVALID + "User, which is not a valid model: "
                + "Model " + INVALID + "User: has no @Id field", e.getMessage());
    }

    /**
     * Connecting with the models, in this order, fails at start with no statement run, naming the
     * model {@code faulty}.
     */
    private ModelDefinitionException rejected(String faulty, String... sources) {
        List<Class<?>> models = ModelSource.compileAll(sources);
        StatementLog startup = new StatementLog();
        ModelDefinitionException e = assertThrows(ModelDefinitionException.class,
                () -> database.connect(database.options().models(models.toArray(Class<?>[]::new)).listener(startup)).close());
        assertEquals(INVALID + faulty, e.model().getName());
        assertEquals(0, startup.count());
        return e;
    }
}
