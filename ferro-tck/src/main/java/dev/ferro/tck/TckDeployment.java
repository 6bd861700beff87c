package dev.ferro.tck;

import dev.ferro.ColumnType;
import dev.ferro.Migrations;
import dev.ferro.spi.ModelIndex;
import dev.ferro.tck.support.TckSupport;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * Builds the {@link WebArchive} of a TCK test: the same WAR whatever the container, Weld embedded or an
 * application server.
 *
 * <pre>
 * WEB-INF/beans.xml                                    bean-discovery-mode annotated or all
 * WEB-INF/classes/...                                  the test class and its superclasses, the models with
 *                                                      their metamodels, the beans, the TCK's support classes
 * WEB-INF/classes/META-INF/ferro/models                the deployment's models, one class name per line
 * WEB-INF/classes/META-INF/services/dev.ferro.ColumnType
 *                                                      the deployment's column types, if it has any
 * WEB-INF/classes/dev/ferro/tck/migration/...        the deployment's migration scripts, if it has any
 * WEB-INF/classes/META-INF/microprofile-config.properties
 *                                                      ferro.url, ferro.username, ferro.password from the run's
 *                                                      system properties, ferro.schema=create, then the
 *                                                      deployment's own keys
 * WEB-INF/lib/*.jar                                    every jar of the directory named by ferro.tck.implementation
 * WEB-INF/*                                            every file of the directory named by ferro.tck.webinf, if set
 * </pre>
 *
 * <p>System properties of the TCK run (read where the {@code @Deployment} method runs, on the client):
 * <ul>
 * <li>{@value #IMPLEMENTATION}: a directory holding the implementation's jars (required);</li>
 * <li>{@value #URL}, {@value #USERNAME}, {@value #PASSWORD}: the database, written as {@code ferro.url},
 *     {@code ferro.username}, {@code ferro.password}; without {@value #URL} the deployments name no database;</li>
 * <li>{@value #CONFIG_PREFIX}{@code <key>}: any further configuration, written as {@code <key>} (for example
 *     {@code -Dferro.tck.config.ferro.datasource=java:comp/DefaultDataSource});</li>
 * <li>{@value #WEB_INF}: a directory whose files are added to {@code WEB-INF} of every deployment, for the
 *     descriptors one container reads and the others ignore (for example a {@code glassfish-web.xml} that makes
 *     Payara load {@code WEB-INF/lib} before its own libraries); unset, nothing is added.</li>
 * </ul>
 * The keys are not {@code ferro.url} themselves so that a container whose MicroProfile Config reads system
 * properties (Weld embedded runs in the JVM of the tests) still takes the values from the deployment.
 *
 * <p>This class runs only on the client: it is not part of any deployment.
 */
public final class TckDeployment {
    private static final Logger LOG = Logger.getLogger(TckDeployment.class.getName());

    public static final String IMPLEMENTATION = "ferro.tck.implementation";
    public static final String URL = "ferro.tck.url";
    public static final String USERNAME = "ferro.tck.username";
    public static final String PASSWORD = "ferro.tck.password";
    public static final String CONFIG_PREFIX = "ferro.tck.config.";
    public static final String WEB_INF = "ferro.tck.webinf";

    public static final String MP_CONFIG = "META-INF/microprofile-config.properties";

    private static final String TCK_PACKAGE = "dev.ferro.tck.";

    private final Class<?> testClass;
    private BeanDiscovery discovery = BeanDiscovery.ANNOTATED;
    private final Set<Class<?>> models = new LinkedHashSet<>();
    private final Set<Class<?>> classes = new LinkedHashSet<>();
    private final Set<Class<?>> columnTypes = new LinkedHashSet<>();
    private final Map<String, String> config = new LinkedHashMap<>();
    private final Set<String> resources = new TreeSet<>();
    private String name;

    private TckDeployment(Class<?> testClass) {
        this.testClass = testClass;
        this.name = testClass.getSimpleName();
    }

    /** The deployment of {@code testClass}: it holds the class, its TCK superclasses and their nested classes. */
    public static TckDeployment of(Class<?> testClass) {
        return new TckDeployment(testClass);
    }

    /** The archive's name, without {@code .war}; the test class's simple name by default. */
    public TckDeployment named(String archiveName) {
        this.name = archiveName;
        return this;
    }

    public TckDeployment discovery(BeanDiscovery mode) {
        this.discovery = mode;
        return this;
    }

    /** Models of the deployment: each class, its metamodel class ({@code M_}) and a line of the model index. */
    public TckDeployment models(Class<?>... types) {
        models.addAll(Arrays.asList(types));
        return this;
    }

    /** Further classes (beans, helpers); their nested classes come along. */
    public TckDeployment classes(Class<?>... types) {
        classes.addAll(Arrays.asList(types));
        return this;
    }

    /** The application's {@link ColumnType}s: each class, and a line of {@code META-INF/services/dev.ferro.ColumnType}. */
    @SafeVarargs
    public final TckDeployment columnTypes(Class<? extends ColumnType<?, ?>>... types) {
        columnTypes.addAll(Arrays.asList(types));
        return this;
    }

    /**
     * The migration scripts of a class-path directory of the TCK (for example {@code dev/ferro/tck/migration/h2}):
     * its {@value Migrations#SCRIPT_LIST} and every script that names, at the same path in {@code WEB-INF/classes}.
     */
    public TckDeployment migrationScripts(String directory) {
        String list = directory + "/" + Migrations.SCRIPT_LIST;
        resources.add(list);
        for (String line : resourceText(list).split("\n")) {
            String script = line.strip();
            if (!script.isEmpty() && !script.startsWith("#")) {
                resources.add(directory + "/" + script);
            }
        }
        return this;
    }

    /**
     * The deployment on a container DataSource ({@code ferro.datasource}, a JNDI name) in place of the run's database:
     * {@code ferro.url}, {@code ferro.username} and {@code ferro.password} are left out.
     */
    public TckDeployment onDataSource(String jndiName) {
        return config("ferro.url", null)
                .config("ferro.username", null)
                .config("ferro.password", null)
                .config("ferro.datasource", jndiName);
    }

    /** A MicroProfile Config entry of this deployment, over the run's; a null value removes the key. */
    public TckDeployment config(String key, String value) {
        config.put(key, value);
        return this;
    }

    public WebArchive build() {
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war");
        for (Class<?> type = testClass; type != null && type.getName().startsWith(TCK_PACKAGE); type = type.getSuperclass()) {
            war.addClass(type);
        }
        war.addPackage(TckSupport.class.getPackage());
        for (Class<?> type : classes) {
            war.addClass(type);
        }
        Set<String> index = new TreeSet<>();
        for (Class<?> model : models) {
            war.addClass(model);
            index.add(model.getName());
            Class<?> metamodel = metamodel(model);
            if (metamodel != null) {
                war.addClass(metamodel);
            }
        }
        war.addAsResource(new StringAsset(String.join("\n", index) + (index.isEmpty() ? "" : "\n")), ModelIndex.RESOURCE);
        if (!columnTypes.isEmpty()) {
            StringBuilder services = new StringBuilder();
            for (Class<?> type : columnTypes) {
                war.addClass(type);
                services.append(type.getName()).append('\n');
            }
            war.addAsResource(new StringAsset(services.toString()), "META-INF/services/" + ColumnType.class.getName());
        }
        for (String resource : resources) {
            war.addAsResource(resource);
        }
        war.addAsResource(new StringAsset(configuration()), MP_CONFIG);
        war.addAsWebInfResource(new StringAsset(beansXml(discovery)), "beans.xml");
        for (File jar : implementationJars()) {
            war.addAsLibrary(jar);
        }
        for (File descriptor : webInfFiles()) {
            war.addAsWebInfResource(descriptor, descriptor.getName());
        }
        LOG.fine(() -> war.toString(true));
        return war;
    }

    /** The text of a {@code beans.xml} with this discovery mode. */
    public static String beansXml(BeanDiscovery mode) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <beans xmlns="https://jakarta.ee/xml/ns/jakartaee"
                       xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                       xsi:schemaLocation="https://jakarta.ee/xml/ns/jakartaee https://jakarta.ee/xml/ns/jakartaee/beans_4_0.xsd"
                       version="4.0" bean-discovery-mode="%s">
                </beans>
                """.formatted(mode.xml());
    }

    /** The jars of {@value #IMPLEMENTATION}, by name. */
    public static List<File> implementationJars() {
        String directory = System.getProperty(IMPLEMENTATION);
        if (directory == null || directory.isBlank()) {
            throw new IllegalStateException("Set the system property " + IMPLEMENTATION
                    + " to the directory of the implementation's jars (see the TCK's README)");
        }
        File[] jars = new File(directory).listFiles((dir, file) -> file.endsWith(".jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException(IMPLEMENTATION + "=" + directory + " holds no jar");
        }
        List<File> sorted = new ArrayList<>(Arrays.asList(jars));
        sorted.sort(Comparator.comparing(File::getName));
        return sorted;
    }

    /** The files of {@value #WEB_INF}, by name; none when the property is not set. */
    public static List<File> webInfFiles() {
        String directory = System.getProperty(WEB_INF);
        if (directory == null || directory.isBlank()) {
            return List.of();
        }
        File[] files = new File(directory).listFiles(File::isFile);
        if (files == null) {
            throw new IllegalStateException(WEB_INF + "=" + directory + " is not a directory");
        }
        List<File> sorted = new ArrayList<>(Arrays.asList(files));
        sorted.sort(Comparator.comparing(File::getName));
        return sorted;
    }

    private String configuration() {
        Map<String, String> entries = new LinkedHashMap<>();
        putIfSet(entries, "ferro.url", System.getProperty(URL));
        putIfSet(entries, "ferro.username", System.getProperty(USERNAME));
        putIfSet(entries, "ferro.password", System.getProperty(PASSWORD));
        entries.put("ferro.schema", "create");
        for (String key : new TreeSet<>(System.getProperties().stringPropertyNames())) {
            if (key.startsWith(CONFIG_PREFIX) && key.length() > CONFIG_PREFIX.length()) {
                entries.put(key.substring(CONFIG_PREFIX.length()), System.getProperty(key));
            }
        }
        config.forEach((key, value) -> {
            if (value == null) {
                entries.remove(key);
            } else {
                entries.put(key, value);
            }
        });
        Properties properties = new Properties();
        properties.putAll(entries);
        StringWriter text = new StringWriter();
        try {
            properties.store(text, "Written by the Ferro TCK for " + testClass.getName());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void putIfSet(Map<String, String> entries, String key, String value) {
        // An empty password stays out: the database then gets no password at all.
        if (value != null && !value.isEmpty()) {
            entries.put(key, value);
        }
    }

    private static String resourceText(String resource) {
        try (InputStream in = TckDeployment.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The TCK has no resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> metamodel(Class<?> model) {
        try {
            return Class.forName(model.getName() + "_", false, model.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}
