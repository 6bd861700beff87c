package dev.ferro.impl.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;

import java.util.Arrays;
import java.util.stream.Stream;

/** The databases a {@link DatabaseTest} runs on: the four, then those its class names with {@link AlsoOn}. */
public final class Databases implements ArgumentsProvider {

    @Override
    public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
        AlsoOn also = context.getRequiredTestClass().getAnnotation(AlsoOn.class);
        Stream<Database> extra = also == null ? Stream.empty() : Arrays.stream(also.value());
        return Stream.concat(Arrays.stream(Database.values()).filter(database -> !database.extra()), extra).map(Arguments::of);
    }
}
