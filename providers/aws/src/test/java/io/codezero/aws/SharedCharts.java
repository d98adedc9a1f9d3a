package io.codezero.aws;

import io.codezero.core.testing.TestPrerequisites;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The upstream charts in {@code ../shared/charts} next to the repository (or {@code -Dcodezero.charts.dir}),
 * the same test data the platform's chart tests and e2e/render-check.sh read; never copied into the project.
 */
public final class SharedCharts {
    private SharedCharts() {
    }

    /** A chart directory such as cluster-autoscaler-9.59.0; skips locally, fails under CI=true, when absent. */
    public static Path chart(String dirName) {
        String configured = System.getProperty("codezero.charts.dir");
        Path root = configured != null && !configured.isBlank() ? Path.of(configured) : defaultRoot();
        Path dir = root.resolve(dirName);
        TestPrerequisites.require(Files.isRegularFile(dir.resolve("Chart.yaml")), "upstream chart not found at " + dir
                + " (set -Dcodezero.charts.dir=DIR to the directory holding the shared charts)");
        return dir;
    }

    /** ../shared/charts beside the repository, or beside the main checkout when this is a git worktree. */
    private static Path defaultRoot() {
        Path root = Path.of("").toAbsolutePath();
        while (root.getParent() != null && !(Files.isRegularFile(root.resolve("codezero")) && Files.isRegularFile(root.resolve("pom.xml")))) {
            root = root.getParent();
        }
        Path beside = root.resolve("../shared/charts").normalize();
        if (Files.isDirectory(beside) || !Files.isRegularFile(root.resolve(".git"))) {
            return beside;
        }
        try {
            String gitdir = Files.readString(root.resolve(".git")).trim().replaceFirst("^gitdir:\\s*", "");
            Path gitDir = root.resolve(gitdir).normalize();
            Path commonFile = gitDir.resolve("commondir");
            Path common = Files.isRegularFile(commonFile) ? gitDir.resolve(Files.readString(commonFile).trim()).normalize() : gitDir;
            return common.getParent().resolve("../shared/charts").normalize();
        } catch (java.io.IOException e) {
            return beside;
        }
    }
}
