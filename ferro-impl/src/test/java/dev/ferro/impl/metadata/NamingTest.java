package dev.ferro.impl.metadata;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Database names derived from Java names: snake_case, and constraint names that fit every database. */
class NamingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "BlogPost, blog_post",
            "HTTPServer, http_server",
            "userID, user_id",
            "A, a",
            "already_snake, already_snake",
            "URLValue2, url_value2",
            "id, id",
            "createdAt, created_at",
            "IOError, io_error",
            "getHTTPResponseCode, get_http_response_code",
            "value2X, value2_x",
            "userID2, user_id2",
            "ABTest, ab_test",
            "größeInCm, größe_in_cm",
    })
    void snakeCase(String javaName, String expected) {
        assertEquals(expected, Naming.snakeCase(javaName));
    }

    @Test
    void shortConstraintNameIsKeptWhole() {
        assertEquals("uq_app_user_email", Naming.constraintName("uq", "app_user", List.of("email")));
        assertEquals("idx_app_user_first_name_last_name", Naming.constraintName("idx", "app_user", List.of("first_name", "last_name")));
    }

    @Test
    void constraintNameOfExactlyTheLimitIsKeptWhole() {
        String table = "t".repeat(63 - "uq__c".length());
        assertEquals("uq_" + table + "_c", Naming.constraintName("uq", table, List.of("c")));
    }

    @Test
    void longConstraintNamesAreCutWithAHashThatKeepsThemApart() {
        String table = "customer_subscription_renewal_history";
        String first = Naming.constraintName("uq", table, List.of("billing_account_reference", "renewal_period_start"));
        String second = Naming.constraintName("uq", table, List.of("billing_account_reference", "renewal_period_end"));

        assertEquals("uq_customer_subscription_renewal_history_billing_accou_86a5cacb", first);
        assertEquals("uq_customer_subscription_renewal_history_billing_accou_84cd1584", second);
        assertEquals(63, first.length());
    }

    /** PostgreSQL's limit is 63 bytes, not characters: it would cut a longer name again, hash and all. */
    @Test
    void constraintNamesAreCutTo63BytesOfUtf8() {
        String name = Naming.constraintName("uq", "maße", List.of("größe_der_verpackung_in_zentimetern", "gewicht_in_gramm_ßß"));

        assertEquals("uq_maße_größe_der_verpackung_in_zentimetern_gewicht__512d536", name);
        assertEquals(63, name.getBytes(StandardCharsets.UTF_8).length);
    }
}
