package dev.ferro.impl.schema;

import dev.ferro.MigrationException;
import dev.ferro.Migrations;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The scripts a location's {@link Migrations#SCRIPT_LIST} names, given to Flyway as its resources and read
 * through the application's class loader by name. Flyway's own scanning lists the location's directory,
 * which it cannot do inside a WAR on WildFly (VFS) and does unreliably on Liberty; a resource read by name
 * works in every container.
 */
final class ListedScripts implements ResourceProvider {
    private final List<LoadableResource> scripts;

    private ListedScripts(List<LoadableResource> scripts) {
        this.scripts = List.copyOf(scripts);
    }

    /**
     * The scripts listed at a class-path location, or null where it has no list.
     *
     * @throws MigrationException when the list names a file that is not there, or is not a plain file name
     */
    static ListedScripts at(String location, ClassLoader loader) {
        String directory = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
        directory = directory.replaceAll("^/+|/+$", "");
        URL list = loader.getResource(directory + "/" + Migrations.SCRIPT_LIST);
        if (list == null) {
            return null;
        }
        List<LoadableResource> scripts = new ArrayList<>();
        for (String name : names(list)) {
            if (name.contains("/") || name.contains("\\")) {
                throw new MigrationException(list + " names '" + name + "': the list names files of its own directory, without a path", null);
            }
            String path = directory + "/" + name;
            URL script = loader.getResource(path);
            if (script == null) {
                throw new MigrationException(list + " names " + name + ", which is not at " + directory, null);
            }
            scripts.add(new Script(path, name, script, loader));
        }
        return new ListedScripts(scripts);
    }

    private static List<String> names(URL list) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(list.openStream(), StandardCharsets.UTF_8))) {
            return lines.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + list, e);
        }
    }

    int size() {
        return scripts.size();
    }

    @Override
    public LoadableResource getResource(String name) {
        for (LoadableResource script : scripts) {
            if (script.getRelativePath().equals(name)) {
                return script;
            }
        }
        return null;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        List<LoadableResource> found = new ArrayList<>();
        for (LoadableResource script : scripts) {
            String name = script.getFilename();
            if (name.startsWith(prefix) && endsWithAny(name, suffixes)) {
                found.add(script);
            }
        }
        return found;
    }

    private static boolean endsWithAny(String name, String[] suffixes) {
        for (String suffix : suffixes) {
            if (name.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    /** One listed file; its relative path is its class-path name, which is what Flyway asks for its {@code .conf} by. */
    private static final class Script extends LoadableResource {
        private final String path;
        private final String name;
        private final URL url;
        private final ClassLoader loader;

        Script(String path, String name, URL url, ClassLoader loader) {
            this.path = path;
            this.name = name;
            this.url = url;
            this.loader = loader;
        }

        @Override
        public Reader read() {
            InputStream in = loader.getResourceAsStream(path);
            if (in == null) {
                throw new UncheckedIOException(new IOException("The migration script " + path + " is no longer on the class path"));
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return path;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return url.getPath();
        }

        @Override
        public String getFilename() {
            return name;
        }

        @Override
        public String getRelativePath() {
            return path;
        }
    }
}
