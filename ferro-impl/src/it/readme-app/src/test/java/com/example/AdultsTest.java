package com.example;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class AdultsTest {

    @Test
    void theReadmeQueryRunsOnTheGeneratedMetamodel() {
        assertEquals(List.of("alice", "carol"), Adults.usernames("jdbc:h2:mem:readme"));
    }

    @Test
    void theProcessorWroteTheRowReaderAndTheModelIndex() throws Exception {
        Class.forName("com.example.User_Rows");
        try (InputStream index = getClass().getClassLoader().getResourceAsStream("META-INF/ferro/models")) {
            assertNotNull(index, "no model index on the class path");
            assertEquals("com.example.User\n", new String(index.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
