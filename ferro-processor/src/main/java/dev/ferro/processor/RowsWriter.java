package dev.ferro.processor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Writes {@code <Model>_Rows}, the {@code dev.ferro.spi.ModelRows} of one model: a new instance and
 * one plain field write per column, so that reading a row costs what hand-written JDBC costs (the
 * alternative, method handles that are not constants, cannot be inlined and box every primitive).
 * It is written only when that code can compile: a non-private no-argument constructor, and column
 * fields that are neither private nor final and that the model's package can reach. Otherwise the
 * runtime sets the fields through method handles; nothing else differs.
 */
final class RowsWriter {
    private static final String API = "dev.ferro.";
    private static final Set<String> OBJECT_COLUMNS = Set.of(
            "java.math.BigDecimal", "java.util.UUID", "java.time.LocalDate", "java.time.LocalTime",
            "java.time.LocalDateTime", "java.time.OffsetDateTime", "java.time.Instant");

    private final Elements elements;
    private final TypeElement model;
    private final PackageElement pkg;
    private final String simpleName;
    private final List<VariableElement> fields;
    private final boolean annotateGenerated;

    /**
     * @param fields the persistent fields in the order the runtime reads them (superclass fields first)
     */
    RowsWriter(Elements elements, TypeElement model, PackageElement pkg, String simpleName,
               List<VariableElement> fields, boolean annotateGenerated) {
        this.elements = elements;
        this.model = model;
        this.pkg = pkg;
        this.simpleName = simpleName;
        this.fields = fields;
        this.annotateGenerated = annotateGenerated;
    }

    /** The source, or null when the model's fields or constructor are out of the generated class's reach. */
    String render() {
        if (model.getModifiers().contains(Modifier.ABSTRACT) || !constructible()) {
            return null;
        }
        VariableElement id = null;
        List<VariableElement> columns = new ArrayList<>();
        List<String> getters = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (VariableElement field : fields) {
            if (!names.add(field.getSimpleName().toString())) {
                return null;
            }
            if (isRelation(field)) {
                continue;
            }
            Set<Modifier> modifiers = field.getModifiers();
            if (modifiers.contains(Modifier.PRIVATE) || modifiers.contains(Modifier.FINAL) || !reachable(field)) {
                return null;
            }
            if (hasAnnotation(field, API + "Id")) {
                if (id != null) {
                    return null;
                }
                id = field;
                continue;
            }
            String getter = getter(field);
            if (getter == null) {
                return null;
            }
            columns.add(field);
            getters.add(getter);
        }
        if (id == null || idType(id.asType()) == null) {
            return null;
        }
        return source(id, columns, getters);
    }

    private String source(VariableElement id, List<VariableElement> columns, List<String> getters) {
        String modelName = relativeName(model);
        StringBuilder out = new StringBuilder();
        if (!pkg.isUnnamed()) {
            out.append("package ").append(pkg.getQualifiedName()).append(";\n\n");
        }
        if (annotateGenerated) {
            out.append("@javax.annotation.processing.Generated(\"").append(MetamodelProcessor.class.getName()).append("\")\n");
        }
        out.append("final class ").append(simpleName).append(" implements dev.ferro.spi.ModelRows<").append(modelName).append("> {\n");
        out.append("    private static final java.util.List<java.lang.String> FIELDS = java.util.List.of(\"").append(id.getSimpleName()).append('"');
        for (VariableElement column : columns) {
            out.append(", \"").append(column.getSimpleName()).append('"');
        }
        out.append(");\n\n");
        out.append("    ").append(simpleName).append("() {\n    }\n\n");
        out.append("    @java.lang.Override\n    public java.util.List<java.lang.String> fields() {\n        return FIELDS;\n    }\n\n");
        out.append("    @java.lang.Override\n    public ").append(modelName)
                .append(" read(java.lang.Object id, java.sql.ResultSet row, dev.ferro.spi.Columns columns) throws java.sql.SQLException {\n");
        out.append("        ").append(modelName).append(" model = new ").append(modelName).append("();\n");
        out.append("        model.").append(id.getSimpleName()).append(" = (").append(idType(id.asType())).append(") id;\n");
        for (int i = 0; i < columns.size(); i++) {
            out.append("        model.").append(columns.get(i).getSimpleName()).append(" = columns.").append(getters.get(i))
                    .append("(row, ").append(i + 2).append(");\n");
        }
        out.append("        return model;\n    }\n}\n");
        return out.toString();
    }

    /** A static (or top-level) class with a no-argument constructor that is not private. */
    private boolean constructible() {
        if (model.getNestingKind() != NestingKind.TOP_LEVEL && !model.getModifiers().contains(Modifier.STATIC)) {
            return false;
        }
        for (ExecutableElement constructor : ElementFilter.constructorsIn(model.getEnclosedElements())) {
            if (constructor.getParameters().isEmpty()) {
                return !constructor.getModifiers().contains(Modifier.PRIVATE);
            }
        }
        return false;
    }

    /** Whether code in the model's package can write the field (it is not private; that was checked). */
    private boolean reachable(VariableElement field) {
        TypeElement declaring = (TypeElement) field.getEnclosingElement();
        if (elements.getPackageOf(declaring).equals(pkg)) {
            return true;
        }
        if (!field.getModifiers().contains(Modifier.PUBLIC)) {
            return false;
        }
        for (Element e = declaring; e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (!e.getModifiers().contains(Modifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }

    /** A {@code Relation}, or a {@code Ref} without {@code @ForeignKey}: not a column of this model's table. */
    private static boolean isRelation(VariableElement field) {
        String type = erasure(field.asType());
        return type.equals(API + "Relation") || type.equals(API + "Ref") && !hasAnnotation(field, API + "ForeignKey");
    }

    /** The {@code Columns} method that reads the field, or null for a type Ferro cannot store. */
    private String getter(VariableElement field) {
        TypeMirror type = field.asType();
        switch (type.getKind()) {
            case BOOLEAN:
                return "getBoolean";
            case SHORT:
                return "getShort";
            case INT:
                return "getInt";
            case LONG:
                return "getLong";
            case FLOAT:
                return "getFloat";
            case DOUBLE:
                return "getDouble";
            case ARRAY:
                return ((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE ? "getObject" : null;
            case DECLARED:
                break;
            default:
                return null;
        }
        TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
        String name = element.getQualifiedName().toString();
        switch (name) {
            case "java.lang.Boolean":
                return "getBooleanOrNull";
            case "java.lang.Short":
                return "getShortOrNull";
            case "java.lang.Integer":
                return "getIntOrNull";
            case "java.lang.Long":
                return "getLongOrNull";
            case "java.lang.Float":
                return "getFloatOrNull";
            case "java.lang.Double":
                return "getDoubleOrNull";
            case "java.lang.String":
                return "getString";
            case API + "Ref":
                return "getObject";
            default:
                break;
        }
        if (OBJECT_COLUMNS.contains(name) || element.getKind() == ElementKind.ENUM && MetamodelProcessor.accessible(elements, element, pkg)) {
            return "getObject";
        }
        // An application's value type: the runtime's reader of the column converts the stored value.
        return MetamodelProcessor.storableByColumnType(elements, element, pkg) ? "getObject" : null;
    }

    /** The class the id is cast to from {@code Object}: the wrapper of a primitive, else the type itself. */
    private String idType(TypeMirror type) {
        switch (type.getKind()) {
            case SHORT:
            case INT:
            case LONG:
                return MetamodelProcessor.boxed(type.getKind());
            case DECLARED:
                TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
                boolean nameable = element.getTypeParameters().isEmpty() && MetamodelProcessor.accessible(elements, element, pkg);
                return nameable ? element.getQualifiedName().toString() : null;
            default:
                return null;
        }
    }

    /** {@code Outer.Inner} for a nested model: its name within the package. */
    private String relativeName(TypeElement type) {
        String qualified = type.getQualifiedName().toString();
        return pkg.isUnnamed() ? qualified : qualified.substring(pkg.getQualifiedName().length() + 1);
    }

    private static String erasure(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED
                ? ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString() : "";
    }

    private static boolean hasAnnotation(Element element, String annotation) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().contentEquals(annotation)) {
                return true;
            }
        }
        return false;
    }
}
