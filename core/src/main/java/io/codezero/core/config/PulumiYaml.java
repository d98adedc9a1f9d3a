package io.codezero.core.config;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads Pulumi project and stack files the way Pulumi does: YAML 1.2's core schema (Pulumi's Go
 * YAML library), so {@code name: no} is the string "no", not false as YAML 1.1 would have it, and
 * there are no implicit timestamps. A syntax error is one line: file, line, column and what is wrong.
 */
public final class PulumiYaml {
    private PulumiYaml() {
    }

    /** A YAML file that cannot be read as Pulumi would read it. */
    public static final class InvalidYamlException extends IOException {
        public InvalidYamlException(String message) {
            super(message);
        }
    }

    public static Object load(String text, String fileName) throws InvalidYamlException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(), options, new CoreSchema());
        Object loaded;
        try {
            loaded = yaml.load(text);
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            String problem = e.getProblem() == null ? "is not valid YAML" : e.getProblem();
            if (problem.contains("(TAB)") || problem.contains("'\\t'")) {
                problem = "a tab character; YAML indents with spaces only";
            }
            throw new InvalidYamlException(fileName + (mark == null ? "" : ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1))
                    + ": " + problem + (e.getContext() == null || problem.startsWith("a tab") ? "" : " (" + e.getContext() + ")"));
        } catch (YAMLException e) {
            throw new InvalidYamlException(fileName + ": " + firstLine(e.getMessage()));
        }
        checkFinite(loaded, fileName, "");
        return loaded;
    }

    private static void checkFinite(Object value, String fileName, String at) throws InvalidYamlException {
        if (value instanceof Double d && (d.isInfinite() || d.isNaN())) {
            throw new InvalidYamlException(fileName + ": " + (at.isEmpty() ? "a value" : at) + " is " + d
                    + ", which Pulumi config cannot carry; write a number");
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                checkFinite(e.getValue(), fileName, at.isEmpty() ? String.valueOf(e.getKey()) : at + "." + e.getKey());
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                checkFinite(list.get(i), fileName, at + "[" + i + "]");
            }
        }
    }

    private static String firstLine(String message) {
        return message == null ? "is not valid YAML" : message.lines().findFirst().orElse(message);
    }

    /** YAML 1.2 core schema: booleans are only true/false, integers and floats by the 1.2 rules, null by name. */
    private static final class CoreSchema extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF");
            addImplicitResolver(Tag.INT, Pattern.compile("^(?:[-+]?[0-9]+|0x[0-9a-fA-F]+)$"), "-+0123456789");
            addImplicitResolver(Tag.FLOAT, Pattern.compile(
                    "^(?:[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"),
                    "-+0123456789.");
            addImplicitResolver(Tag.NULL, Pattern.compile("^(?:~|null|Null|NULL|)$"), "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }
}
