package io.codezero.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public or protected type and member of the platform's API packages carries a Javadoc comment: part of the
 * build (mvn test), so a new public member without one fails it. javac's doclint ({@code -Xdoclint:missing}) would also
 * demand an {@code @return} and every {@code @param} on one-line accessors; this holds the comment itself, and an
 * override inherits its interface's.
 */
class ApiJavadocTest {
    static final Path SOURCES = Path.of("src/main/java/io/codezero/platform");
    static final Pattern DECLARATION = Pattern.compile("^\\s*(public|protected)\\s.*");

    static List<String> undocumented(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!DECLARATION.matcher(lines.get(i)).matches()) {
                continue;
            }
            int j = i - 1;
            boolean override = false;
            while (j >= 0 && (lines.get(j).isBlank() || lines.get(j).strip().startsWith("@"))) {
                override |= lines.get(j).strip().startsWith("@Override");
                j--;
            }
            boolean documented = j >= 0 && lines.get(j).strip().endsWith("*/");
            if (!documented && !override) {
                missing.add(file.getFileName() + ":" + (i + 1) + ": " + lines.get(i).strip());
            }
        }
        return missing;
    }

    @Test
    void everyPublicTypeAndMemberOfTheApiHasAComment() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                missing.addAll(undocumented(file));
            }
        }
        assertThat(missing).as("public API without a Javadoc comment").isEmpty();
    }

    @Test
    void theCheckFindsAMissingComment() throws IOException {
        Path file = Files.createTempFile("Undocumented", ".java");
        Files.writeString(file, "package x;\n/** A type. */\npublic final class A {\n    public int b() {\n        return 1;\n    }\n\n"
                + "    /** Documented. */\n    @Deprecated\n    public int c() {\n        return 2;\n    }\n\n    @Override\n    public String toString() {\n"
                + "        return \"\";\n    }\n}\n");
        assertThat(undocumented(file)).hasSize(1).allMatch(line -> line.endsWith("public int b() {"));
    }
}
