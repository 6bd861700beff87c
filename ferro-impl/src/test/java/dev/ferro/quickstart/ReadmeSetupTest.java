package dev.ferro.quickstart;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build runs src/it/readme-app, an application set up as the README says; this keeps the two the
 * same, so that what runs is what the README tells users to write.
 */
class ReadmeSetupTest {

    @Test
    void theReadmeApplicationUsesTheCompilerSetUpTheReadmeShows() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        Matcher block = Pattern.compile("compiler's annotation processor path.*?```xml\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(block.find(), "README.md shows no compiler set-up");

        String parent = Files.readString(Path.of("../pom.xml"));
        String itPom = Files.readString(Path.of("src/it/readme-app/pom.xml"))
                .replace("@project.version@", tag(parent, "version"))
                .replace("@compiler.plugin.version@", tag(parent, "compiler.plugin.version"));
        Matcher plugin = Pattern.compile("<plugin>\\s*<groupId>org.apache.maven.plugins</groupId>\\s*"
                + "<artifactId>maven-compiler-plugin</artifactId>.*?</plugin>", Pattern.DOTALL).matcher(itPom);
        assertTrue(plugin.find(), "readme-app has no maven-compiler-plugin");

        assertEquals(normalized(block.group(1)), normalized(plugin.group()));
    }

    /** The first {@code <name>} of the parent POM: its own version comes before any dependency's. */
    private static String tag(String pom, String name) {
        Matcher value = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        assertTrue(value.find(), "no <" + name + "> in pom.xml");
        return value.group(1);
    }

    private static String normalized(String xml) {
        return xml.strip().replaceAll(">\\s+<", "><");
    }
}
