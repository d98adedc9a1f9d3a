package io.codezero.core.preflight;

import io.codezero.core.config.ClusterSpecConfig;
import io.codezero.core.config.ConfigObject;
import io.codezero.core.config.StackConfigFile;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.validation.ClusterSpecValidator;
import io.codezero.core.validation.Problem;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a target's preflight command reads from a Pulumi.&lt;stack&gt;.yaml: the target's section
 * (e.g. {@code codezero:aws}, with the command line's values over the file's) and the cluster spec
 * from {@code codezero:cluster}. The target parses its own section from {@link #target()}.
 */
public final class PreflightInput {
    private final ConfigObject target;
    private final ConfigObject cluster;
    private final ClusterSpec spec;

    private PreflightInput(ConfigObject target, ConfigObject cluster) {
        this.target = target;
        this.cluster = cluster;
        this.spec = ClusterSpecConfig.read(cluster, "codezero");
    }

    /**
     * Reads a stack file; {@code overrides} (key within the target's section to value) win over the file, null values
     * are ignored.
     *
     * @param file      the Pulumi.&lt;stack&gt;.yaml
     * @param targetKey the target's section, e.g. {@code codezero:aws}
     * @param overrides values from the command line
     * @return the input
     * @throws IOException when the file cannot be read
     */
    public static PreflightInput read(Path file, String targetKey, Map<String, String> overrides) throws IOException {
        Map<String, Object> values = StackConfigFile.read(file);
        Map<String, Object> targetValues = StackConfigFile.section(values.get(targetKey));
        overrides.forEach((key, value) -> {
            if (value != null) {
                targetValues.put(key, value);
            }
        });
        return new PreflightInput(ConfigObject.root(targetKey, targetValues),
                ConfigObject.root("codezero:cluster", StackConfigFile.section(values.get("codezero:cluster"))));
    }

    /**
     * The target's section, with the command line's values over the file's.
     *
     * @return the section, for the target to parse
     */
    public ConfigObject target() {
        return target;
    }

    /**
     * The cluster spec read from {@code codezero:cluster}.
     *
     * @return the spec
     */
    public ClusterSpec spec() {
        return spec;
    }

    /**
     * Exit code 2 after listing {@code problems} found in {@code file} on {@code err}, each on its own line.
     *
     * @param err      where the problems go
     * @param command  the command's name
     * @param file     the stack file, as given
     * @param problems every problem
     * @return 2
     */
    public static int refuse(PrintStream err, String command, String file, List<Problem> problems) {
        err.println(command + ": " + problems.size() + " problem(s) in " + file + ":");
        problems.forEach(p -> err.println("  - " + p));
        return 2;
    }

    /**
     * Every problem, in this order: the target's section as read so far, the cluster section, the
     * spec's own rules, then {@code targetProblems} (the target validator's). Call after the target
     * parsed {@link #target()}.
     *
     * @param targetProblems the target validator's problems
     * @return every problem
     */
    public List<Problem> problems(List<Problem> targetProblems) {
        List<Problem> problems = new ArrayList<>(target.problems());
        problems.addAll(cluster.problems());
        problems.addAll(ClusterSpecValidator.validate(spec));
        problems.addAll(targetProblems);
        return problems;
    }
}
