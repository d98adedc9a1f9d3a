package io.codezero.core.testing;

import io.codezero.core.plan.OfflineRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers the docs state about a plan, read from the docs themselves, so that a test fails when the plan and the
 * prose drift apart. A claim is written as "The offline plan of `examples/NAME` registers N resources".
 */
public final class DocClaims {
    private DocClaims() {
    }

    /** The resource count that {@code doc} (a path from the repository root, e.g. {@code docs/gcp.md}) claims for the example. */
    public static int claimedResources(String doc, String example) {
        Path file = repositoryRoot().resolve(doc);
        String text;
        try {
            text = Files.readString(file).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher m = Pattern.compile("The offline plan of `" + Pattern.quote(example) + "` registers (\\d+) resources").matcher(text);
        if (!m.find()) {
            throw new AssertionError(doc + " states no \"The offline plan of `" + example + "` registers N resources\"");
        }
        return Integer.parseInt(m.group(1));
    }

    /** Counted as `./codezero plan` counts (its "total"): every resource but Pulumi's root stack and the CodeZero stack component. */
    public static int plannedResources(OfflineRun run) {
        return run.where(r -> !r.type().equals("pulumi:pulumi:Stack") && !r.type().equals("codezero:index:Stack")).size();
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docs"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no docs/ directory above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
