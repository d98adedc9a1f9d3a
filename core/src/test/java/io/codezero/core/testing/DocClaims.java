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

    /**
     * The number {@code doc} states where {@code pattern} matches its text (whitespace folded to single spaces), e.g.
     * {@code "the (\\d+) custom resources the stack made"}: the pattern has one group, the number, and must match once.
     */
    public static int claimedNumber(String doc, String pattern) {
        Path file = repositoryRoot().resolve(doc);
        try {
            return number(doc, Files.readString(file).replaceAll("\\s+", " "), pattern);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The number a program printed where {@code pattern} (one group, the number) matches {@code output}, e.g. the
     * {@code "+ 88 created"} of {@code pulumi up}: compared with {@link #claimedNumber} it holds a doc's figure exactly
     * (a pattern alone would let "13 updated" pass for "3 updated").
     */
    public static int printedNumber(String output, String pattern) {
        return number("the output", output, pattern);
    }

    private static int number(String where, String text, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(text);
        if (!m.find()) {
            throw new AssertionError(where + " has nothing matching " + pattern + (where.equals("the output") ? ":\n" + text : ""));
        }
        int value = Integer.parseInt(m.group(1));
        if (m.find()) {
            throw new AssertionError(where + " matches " + pattern + " more than once: the claim is ambiguous");
        }
        return value;
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
