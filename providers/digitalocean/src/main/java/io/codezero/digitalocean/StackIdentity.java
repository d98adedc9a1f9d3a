package io.codezero.digitalocean;

import java.util.Locale;
import java.util.Objects;

/**
 * The Pulumi project and stack a DOKS cluster belongs to. DigitalOcean project and VPC names are
 * unique per account, so both carry the stack's name (two stacks of one cluster name, or a project
 * someone made by hand, no longer collide), and both carry {@link #marker()} in their description,
 * which is how the preflight tells this stack's own VPC and project from someone else's on a later
 * {@code pulumi up}.
 *
 * @param project the Pulumi project's name
 * @param stack   the Pulumi stack's name
 */
public record StackIdentity(String project, String stack) {
    /** DigitalOcean's VPC names: letters, digits, dashes and periods (API specification, vpc.name). */
    private static final String VPC_NAME_INVALID = "[^a-zA-Z0-9.-]";

    /**
     * Both names are required.
     * @throws NullPointerException if {@code project} or {@code stack} is {@code null}
     * @param project the Pulumi project's name
     * @param stack the Pulumi stack's name
     */
    public StackIdentity {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(stack, "stack");
    }

    /**
     * The current program's project and stack, from the Pulumi deployment.
     * @return the identity of the stack being deployed
     */
    public static StackIdentity ofDeployment() {
        var deployment = com.pulumi.deployment.Deployment.getInstance();
        return new StackIdentity(deployment.getProjectName(), deployment.getStackName());
    }

    /**
     * The DigitalOcean project we create: {@code <cluster>-<stack>}.
     * @param cluster the spec's cluster name
     * @return the project's name
     */
    public String projectName(String cluster) {
        return cluster + "-" + stack;
    }

    /**
     * The VPC we create: {@code <cluster>-<stack>-<region>}, reduced to the characters VPC names allow.
     * @param cluster the spec's cluster name
     * @param region the region slug
     * @return the VPC's name, lower-case
     */
    public String vpcName(String cluster, String region) {
        return (cluster + "-" + stack + "-" + region).replaceAll(VPC_NAME_INVALID, "-").toLowerCase(Locale.ROOT);
    }

    /** Tags that mark a cluster as some stack's: {@link #clusterTag()} starts with it. */
    public static final String CLUSTER_TAG_PREFIX = "codezero-stack:";
    /** DigitalOcean's tag names: letters, digits, ':', '-' and '_' (API specification, tag model). */
    private static final String TAG_INVALID = "[^a-zA-Z0-9_-]";

    /**
     * Put on the DOKS cluster we create: {@code codezero-stack:<project>:<stack>} (other characters become '_',
     * at most 255 characters). Cluster names are the spec's, so another Pulumi project's or stack's cluster in the
     * account may carry the same name and region; this tag is how the program and the preflight find this stack's own.
     * @return the tag, unique per project and stack
     */
    public String clusterTag() {
        String tag = CLUSTER_TAG_PREFIX + project.replaceAll(TAG_INVALID, "_") + ":" + stack.replaceAll(TAG_INVALID, "_");
        return tag.length() <= 255 ? tag : tag.substring(0, 255);
    }

    /**
     * Written into the description of the VPC and project we create: {@code codezero-stack:<project>/<stack>}.
     * @return the marker text
     */
    public String marker() {
        return "codezero-stack:" + project + "/" + stack;
    }

    /**
     * A VPC's or project's description: the words, then {@link #marker()} in brackets. DigitalOcean refuses a
     * description over 255 characters at create, and Pulumi project and stack names may be 100 characters each, so long
     * names keep the marker alone (at most 216 characters): the preflight recognises this stack's own VPC and project
     * by it, the words are only for people.
     * @param words what the resource is for
     * @return the description, at most {@link #DESCRIPTION_MAX} characters when the names are within Pulumi's limits
     */
    public String description(String words) {
        String described = words + " (" + marker() + ")";
        return described.length() <= DESCRIPTION_MAX ? described : marker();
    }

    /** The longest VPC or project description DigitalOcean accepts (API specification: vpc and project models, maxLength). */
    public static final int DESCRIPTION_MAX = 255;
}
