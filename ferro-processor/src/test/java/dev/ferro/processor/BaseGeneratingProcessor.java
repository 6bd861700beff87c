package dev.ferro.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Stands for a third-party processor that generates, in its first round, a superclass and an enum
 * that a model uses, so that the metamodel processor first sees them as unresolved types.
 */
@SupportedAnnotationTypes("*")
public final class BaseGeneratingProcessor extends AbstractProcessor {
    private boolean done;

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (done || round.processingOver()) {
            return false;
        }
        done = true;
        write("gen.GeneratedBase", "package gen;\n\npublic abstract class GeneratedBase {\n"
                + "    public Long id;\n    public java.time.Instant stamp;\n}\n");
        write("gen.Level", "package gen;\n\npublic enum Level { LOW, HIGH }\n");
        return false;
    }

    private void write(String name, String source) {
        try (Writer writer = processingEnv.getFiler().createSourceFile(name).openWriter()) {
            writer.write(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
