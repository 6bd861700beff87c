package dev.ferro.processor;

import dev.ferro.spi.ModelIndex;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.FilerException;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * Generates the metamodel class {@code M_} of every {@code @Model} class (typed attributes such as
 * {@code User_.email}), its row reader {@code M_Rows} (see {@link RowsWriter}), and the index
 * {@value ModelIndex#RESOURCE} (one binary class name per line, sorted) that lets the runtime find the
 * models without scanning the class path.
 *
 * <p>The attributes mirror the fields the runtime persists (see {@code ModelReader}): every
 * non-static, non-transient field of the class and its superclasses, superclass fields first. A
 * field whose type Ferro cannot store gets no attribute; the runtime reports it with a better
 * message than a compiler could, so the processor never fails a build over it.
 */
@SupportedAnnotationTypes(MetamodelProcessor.MODEL)
public final class MetamodelProcessor extends AbstractProcessor {
    static final String MODEL = "dev.ferro.Model";
    /**
     * {@code -Aferro.index=false} leaves the index out, for projects that assemble deployments with
     * their own model lists (the TCK, whose deliberately invalid models must not reach every deployment).
     */
    public static final String INDEX_OPTION = "ferro.index";
    private static final String GENERATED = "javax.annotation.processing.Generated";
    private static final String API = "dev.ferro.";

    private static final Set<String> INTEGRAL = Set.of("java.lang.Short", "java.lang.Integer", "java.lang.Long");
    private static final Set<String> NUMERIC = Set.of("java.lang.Float", "java.lang.Double", "java.math.BigDecimal");
    private static final Set<String> SORTABLE = Set.of(
            "java.time.LocalDate", "java.time.LocalTime", "java.time.LocalDateTime",
            "java.time.OffsetDateTime", "java.time.Instant");

    private Elements elements;
    private Filer filer;
    private Messager messager;
    private boolean writeIndex;

    /** Binary names of the valid models seen in this compilation. */
    private final Set<String> models = new TreeSet<>();
    /**
     * Models that reference types not generated yet (by another processor, in a later round);
     * kept by name because elements must not be carried from one round to the next.
     */
    private final Set<String> deferred = new LinkedHashSet<>();
    private final Set<String> generated = new HashSet<>();

    @Override
    public synchronized void init(ProcessingEnvironment processingEnv) {
        super.init(processingEnv);
        elements = processingEnv.getElementUtils();
        filer = processingEnv.getFiler();
        messager = processingEnv.getMessager();
        writeIndex = !"false".equalsIgnoreCase(processingEnv.getOptions().get(INDEX_OPTION));
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(INDEX_OPTION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        List<TypeElement> pending = new ArrayList<>();
        for (String name : deferred) {
            TypeElement model = lookup(name);
            if (model != null) {
                pending.add(model);
            }
        }
        deferred.clear();
        for (TypeElement annotation : annotations) {
            if (annotation.getQualifiedName().contentEquals(MODEL)) {
                for (TypeElement model : ElementFilter.typesIn(round.getElementsAnnotatedWith(annotation))) {
                    pending.add(model);
                }
            }
        }
        for (TypeElement model : pending) {
            if (!model.getTypeParameters().isEmpty()) {
                messager.printMessage(Diagnostic.Kind.ERROR, "@Model classes cannot be generic: "
                        + model.getQualifiedName() + " declares " + typeParameters(model), model);
                continue;
            }
            models.add(elements.getBinaryName(model).toString());
            // Unresolved types may still be generated by another processor; the last round is the
            // final chance, and then the compiler reports them anyway, so a metamodel with the
            // resolvable attributes spares the user a flood of "cannot find symbol M_" errors.
            if (!round.processingOver() && hasUnresolvedTypes(model)) {
                deferred.add(model.getQualifiedName().toString());
            } else {
                generate(model);
            }
        }
        if (round.processingOver() && writeIndex) {
            writeIndex();
        }
        return false;
    }

    private static String typeParameters(TypeElement model) {
        StringJoiner names = new StringJoiner(", ", "<", ">");
        model.getTypeParameters().forEach(parameter -> names.add(parameter.getSimpleName()));
        return names.toString();
    }

    private void generate(TypeElement model) {
        String canonical = model.getQualifiedName().toString();
        if (!generated.add(canonical)) {
            return;
        }
        if (!accessible(elements, model, elements.getPackageOf(model))) {
            // A private nested model still works at run time (Ferro uses a private lookup), but no
            // other class can name it, so there is no metamodel to generate.
            messager.printMessage(Diagnostic.Kind.NOTE, "Ferro generates no metamodel for " + canonical
                    + " because other classes cannot access it", model);
            return;
        }
        PackageElement pkg = elements.getPackageOf(model);
        String simpleName = metamodelName(model);
        List<Element> origins = new ArrayList<>();
        write(model, pkg, simpleName, render(model, pkg, simpleName, origins), origins);
        String rows = new RowsWriter(elements, model, pkg, simpleName + "Rows", persistentFields(model, new ArrayList<>()),
                elements.getTypeElement(GENERATED) != null).render();
        if (rows != null) {
            write(model, pkg, simpleName + "Rows", rows, origins);
        }
    }

    private void write(TypeElement model, PackageElement pkg, String simpleName, String source, List<Element> origins) {
        String qualifiedName = pkg.isUnnamed() ? simpleName : pkg.getQualifiedName() + "." + simpleName;
        try {
            JavaFileObject file = filer.createSourceFile(qualifiedName, origins.toArray(new Element[0]));
            try (Writer writer = file.openWriter()) {
                writer.write(asciiOnly(source));
            }
        } catch (FilerException e) {
            messager.printMessage(Diagnostic.Kind.ERROR, "Cannot generate " + qualifiedName + " for "
                    + model.getQualifiedName() + ": " + e.getMessage() + " (another type with that name exists)", model);
        } catch (IOException e) {
            messager.printMessage(Diagnostic.Kind.ERROR, "Cannot write " + qualifiedName + " for "
                    + model.getQualifiedName() + ": " + e, model);
        }
    }

    private String render(TypeElement model, PackageElement pkg, String simpleName, List<Element> origins) {
        String modelType = model.getQualifiedName().toString();
        StringBuilder out = new StringBuilder();
        if (!pkg.isUnnamed()) {
            out.append("package ").append(pkg.getQualifiedName()).append(";\n\n");
        }
        // Older --release targets lack the annotation; it documents, nothing depends on it.
        boolean annotate = elements.getTypeElement(GENERATED) != null;
        if (annotate) {
            out.append("import ").append(GENERATED).append(";\n\n");
            out.append("@Generated(\"").append(MetamodelProcessor.class.getName()).append("\")\n");
        }
        out.append(isPublic(model) ? "public final class " : "final class ").append(simpleName).append(" {\n");
        Set<String> names = new HashSet<>();
        for (VariableElement field : persistentFields(model, origins)) {
            String name = field.getSimpleName().toString();
            // A field hiding a superclass field of the same name is a definition error the runtime
            // reports; the metamodel keeps the first so that it still compiles.
            if (!names.add(name)) {
                continue;
            }
            boolean foreignKey = field.getAnnotationMirrors().stream().anyMatch(annotation ->
                    ((TypeElement) annotation.getAnnotationType().asElement()).getQualifiedName().contentEquals(API + "ForeignKey"));
            String declaration = attribute(modelType, name, field.asType(), foreignKey, pkg);
            if (declaration != null) {
                out.append("    public static final ").append(declaration).append(";\n");
            }
        }
        if (!names.isEmpty()) {
            out.append('\n');
        }
        out.append("    private ").append(simpleName).append("() {\n    }\n}\n");
        return out.toString();
    }

    /** The declaration after {@code public static final}, or null when Ferro cannot store the type. */
    private String attribute(String model, String name, TypeMirror type, boolean foreignKey, PackageElement pkg) {
        String literal = '"' + name + '"';
        switch (type.getKind()) {
            case BOOLEAN:
                return bool(model, name, literal);
            case SHORT:
            case INT:
            case LONG:
                return typed("IntegralAttribute", model, name, literal, boxed(type.getKind()));
            case FLOAT:
            case DOUBLE:
                return typed("NumericAttribute", model, name, literal, boxed(type.getKind()));
            case ARRAY:
                return ((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE
                        ? typed("Attribute", model, name, literal, "byte[]") : null;
            case DECLARED:
                break;
            default:
                return null;
        }
        DeclaredType declared = (DeclaredType) type;
        if (!declared.getTypeArguments().isEmpty()) {
            return relationship(model, name, declared, foreignKey, pkg);
        }
        TypeElement element = (TypeElement) declared.asElement();
        String qualified = element.getQualifiedName().toString();
        if (element.getKind() == ElementKind.ENUM) {
            return accessible(elements, element, pkg) ? typed("Attribute", model, name, literal, qualified) : null;
        }
        if (qualified.equals("java.lang.Boolean")) {
            return bool(model, name, literal);
        }
        if (qualified.equals("java.lang.String")) {
            return API + "TextAttribute<" + model + "> " + name + " = new " + API + "TextAttribute<>("
                    + model + ".class, " + literal + ")";
        }
        if (INTEGRAL.contains(qualified)) {
            return typed("IntegralAttribute", model, name, literal, qualified);
        }
        if (NUMERIC.contains(qualified)) {
            return typed("NumericAttribute", model, name, literal, qualified);
        }
        if (SORTABLE.contains(qualified)) {
            return typed("SortableAttribute", model, name, literal, qualified);
        }
        if (qualified.equals("java.util.UUID")) {
            return typed("Attribute", model, name, literal, qualified);
        }
        return storableByColumnType(elements, element, pkg) ? typed("Attribute", model, name, literal, qualified) : null;
    }

    /**
     * Whether a field of this type, which Ferro does not store itself, may be an application's value
     * type stored by a {@code dev.ferro.ColumnType}: the processor cannot know which types are
     * registered (they are objects of the running application), so any class it can name that is
     * not generic gets a plain {@code Attribute}, and the runtime refuses the model if no column
     * type stores it.
     */
    static boolean storableByColumnType(Elements elements, TypeElement type, PackageElement pkg) {
        boolean ferroApi = elements.getPackageOf(type).getQualifiedName().contentEquals("dev.ferro");
        return type.getTypeParameters().isEmpty() && !type.getQualifiedName().contentEquals("java.lang.Object") && !ferroApi
                && accessible(elements, type, pkg);
    }

    /**
     * {@code Ref<T>} with {@code @ForeignKey}: a {@code RefAttribute} (it filters on the key);
     * {@code Relation<T>}, or {@code Ref<T>} on the reverse side of a one-to-one: a
     * {@code RelationAttribute}. Both are prefetch paths. Null for any other generic type.
     */
    private String relationship(String model, String name, DeclaredType declared, boolean foreignKey, PackageElement pkg) {
        String qualified = ((TypeElement) declared.asElement()).getQualifiedName().toString();
        if (declared.getTypeArguments().size() != 1 || declared.getTypeArguments().get(0).getKind() != TypeKind.DECLARED) {
            return null;
        }
        TypeElement target = (TypeElement) ((DeclaredType) declared.getTypeArguments().get(0)).asElement();
        if (!accessible(elements, target, pkg)) {
            return null;
        }
        String targetType = target.getQualifiedName().toString();
        String kind;
        if (qualified.equals(API + "Relation")) {
            kind = "RelationAttribute";
        } else if (qualified.equals(API + "Ref")) {
            kind = foreignKey ? "RefAttribute" : "RelationAttribute";
        } else {
            return null;
        }
        return typed(kind, model, name, '"' + name + '"', targetType);
    }

    private static String bool(String model, String name, String literal) {
        return API + "BooleanAttribute<" + model + "> " + name + " = new " + API + "BooleanAttribute<>("
                + model + ".class, " + literal + ")";
    }

    private static String typed(String kind, String model, String name, String literal, String valueType) {
        return API + kind + "<" + model + ", " + valueType + "> " + name + " = new " + API + kind + "<>("
                + model + ".class, " + literal + ", " + valueType + ".class)";
    }

    static String boxed(TypeKind kind) {
        switch (kind) {
            case SHORT:
                return "java.lang.Short";
            case INT:
                return "java.lang.Integer";
            case LONG:
                return "java.lang.Long";
            case FLOAT:
                return "java.lang.Float";
            case DOUBLE:
                return "java.lang.Double";
            default:
                throw new IllegalArgumentException(kind.toString());
        }
    }

    /** The fields the runtime persists, in the order it reads them; the declaring classes go to {@code origins}. */
    private List<VariableElement> persistentFields(TypeElement model, List<Element> origins) {
        Deque<TypeElement> hierarchy = new ArrayDeque<>();
        for (TypeElement type = model; type != null; type = superclass(type)) {
            hierarchy.push(type);
        }
        List<VariableElement> fields = new ArrayList<>();
        for (TypeElement type : hierarchy) {
            origins.add(type);
            for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
                Set<Modifier> modifiers = field.getModifiers();
                if (!modifiers.contains(Modifier.STATIC) && !modifiers.contains(Modifier.TRANSIENT)
                        && elements.getOrigin(field) != Elements.Origin.SYNTHETIC) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    /** The superclass below {@code java.lang.Object}, or null. */
    private static TypeElement superclass(TypeElement type) {
        TypeMirror superclass = type.getSuperclass();
        if (superclass.getKind() != TypeKind.DECLARED) {
            return null;
        }
        TypeElement element = (TypeElement) ((DeclaredType) superclass).asElement();
        return element.getQualifiedName().contentEquals("java.lang.Object") ? null : element;
    }

    private boolean hasUnresolvedTypes(TypeElement model) {
        for (TypeElement type = model; type != null; type = superclass(type)) {
            if (type.getSuperclass().getKind() == TypeKind.ERROR) {
                return true;
            }
        }
        for (VariableElement field : persistentFields(model, new ArrayList<>())) {
            if (field.asType().getKind() == TypeKind.ERROR) {
                return true;
            }
        }
        return false;
    }

    /** {@code Outer.Inner} becomes {@code Outer_Inner_}, unique within the package. */
    private static String metamodelName(TypeElement model) {
        StringBuilder name = new StringBuilder(model.getSimpleName()).append('_');
        for (Element e = model.getEnclosingElement(); e instanceof TypeElement; e = e.getEnclosingElement()) {
            name.insert(0, e.getSimpleName() + "_");
        }
        return name.toString();
    }

    /** Whether the type itself and every type enclosing it are public. */
    private static boolean isPublic(TypeElement type) {
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (!e.getModifiers().contains(Modifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }

    /** Whether code in {@code from} can name {@code type}. */
    static boolean accessible(Elements elements, TypeElement type, PackageElement from) {
        boolean samePackage = elements.getPackageOf(type).equals(from);
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            Set<Modifier> modifiers = e.getModifiers();
            if (modifiers.contains(Modifier.PRIVATE) || !samePackage && !modifiers.contains(Modifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }

    /** Unicode escapes keep the source intact whatever encoding the compiler writes it in. */
    private static String asciiOnly(CharSequence source) {
        StringBuilder out = new StringBuilder(source.length());
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c < 0x80) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    /**
     * Writes the index once, in the last round. An incremental build compiles only some sources, so
     * the entries of the previous index survive as long as their class still exists and is still a
     * valid model.
     */
    private void writeIndex() {
        Set<String> index = new TreeSet<>(models);
        boolean existed = false;
        try {
            FileObject previous = filer.getResource(StandardLocation.CLASS_OUTPUT, "", ModelIndex.RESOURCE);
            try (InputStream entries = previous.openInputStream()) {
                existed = true;
                for (String name : ModelIndex.classNames(entries)) {
                    if (!index.contains(name) && isModel(name)) {
                        index.add(name);
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // No previous index (a clean build): this compilation sees every model.
        }
        if (index.isEmpty() && !existed) {
            return;
        }
        try {
            FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", ModelIndex.RESOURCE);
            try (Writer writer = new OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
                for (String name : index) {
                    writer.write(name);
                    writer.write('\n');
                }
            }
        } catch (IOException e) {
            messager.printMessage(Diagnostic.Kind.ERROR, "Cannot write the Ferro model index " + ModelIndex.RESOURCE + ": " + e);
        }
    }

    /** Whether a binary name from an earlier index still denotes a non-generic {@code @Model} class. */
    private boolean isModel(String binaryName) {
        TypeElement type = lookupBinary(binaryName);
        if (type == null || !type.getTypeParameters().isEmpty()) {
            return false;
        }
        for (AnnotationMirror annotation : type.getAnnotationMirrors()) {
            Element annotationType = annotation.getAnnotationType().asElement();
            if (annotationType instanceof TypeElement
                    && ((TypeElement) annotationType).getQualifiedName().contentEquals(MODEL)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The type with that binary name. A {@code $} usually separates nested classes but may also be
     * part of a name, so each reading is tried and confirmed against the binary name.
     */
    private TypeElement lookupBinary(String binaryName) {
        List<Integer> dollars = new ArrayList<>();
        int start = binaryName.lastIndexOf('.') + 1;
        for (int i = binaryName.indexOf('$', start); i >= 0; i = binaryName.indexOf('$', i + 1)) {
            dollars.add(i);
        }
        if (dollars.size() > 8) {
            dollars = dollars.subList(0, 8);
        }
        for (int mask = (1 << dollars.size()) - 1; mask >= 0; mask--) {
            char[] candidate = binaryName.toCharArray();
            for (int bit = 0; bit < dollars.size(); bit++) {
                if ((mask & (1 << bit)) != 0) {
                    candidate[dollars.get(bit)] = '.';
                }
            }
            TypeElement type = lookup(new String(candidate));
            if (type != null && elements.getBinaryName(type).contentEquals(binaryName)) {
                return type;
            }
        }
        return null;
    }

    /** The type with that canonical name, also when modules make {@code getTypeElement} ambiguous. */
    private TypeElement lookup(String canonicalName) {
        TypeElement type = elements.getTypeElement(canonicalName);
        if (type != null) {
            return type;
        }
        Set<? extends TypeElement> all = elements.getAllTypeElements(canonicalName);
        return all.isEmpty() ? null : all.iterator().next();
    }
}
