package io.codezero.aws.cluster;

import com.pulumi.core.Output;
import io.codezero.core.validation.Problem;
import io.codezero.core.validation.SpecValidationException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who created the cluster, kept on the cluster itself. With {@code bootstrapClusterCreatorAdminPermissions}
 * EKS gives the creating identity an access entry of its own; a second entry for the same principal
 * fails with 409 ResourceInUseException (terraform-aws-eks #3293, pulumi-eks #2373). The creator is
 * recorded once, as the tag {@value #TAG} (then ignored, so a later {@code up} by another identity
 * keeps it), and an {@code adminPrincipalArns} entry naming it fails its access entry with a clear
 * problem before EKS is asked.
 */
public final class ClusterCreator {
    /** Tag on the EKS cluster naming the IAM principal that created it. */
    public static final String TAG = "codezero.io/created-by";
    /** The ignoreChanges path of that tag: written at creation, never updated. */
    public static final String IGNORED_PATH = "tags[\"" + TAG + "\"]";

    private static final Pattern ASSUMED_ROLE = Pattern.compile("arn:(aws[a-z-]*):sts::(\\d{12}):assumed-role/([^/]+)/.+");
    private static final Pattern IAM_PRINCIPAL = Pattern.compile("arn:(aws[a-z-]*):iam::(\\d{12}):(role|user)/(?:.*/)?([^/]+)");

    private ClusterCreator() {
    }

    /**
     * The IAM principal EKS makes the bootstrap entry for, from an STS caller ARN: an assumed-role
     * session becomes its role ({@code arn:aws:iam::<account>:role/<name>}); users and roles stay.
     */
    public static String principalOf(String callerArn) {
        Matcher assumed = ASSUMED_ROLE.matcher(callerArn);
        if (assumed.matches()) {
            return "arn:" + assumed.group(1) + ":iam::" + assumed.group(2) + ":role/" + assumed.group(3);
        }
        // moto (the emulator the preflight is tested with) reports users under sts; AWS under iam
        return callerArn.replaceFirst("^arn:(aws[a-z-]*):sts::(\\d{12}):user/", "arn:$1:iam::$2:user/");
    }

    /** Whether two principal ARNs name the same role or user (STS drops role paths, so paths are ignored). */
    public static boolean sameIdentity(String a, String b) {
        Optional<String> x = key(principalOf(a));
        return x.isPresent() && x.equals(key(principalOf(b)));
    }

    private static Optional<String> key(String arn) {
        Matcher m = IAM_PRINCIPAL.matcher(arn);
        return m.matches() ? Optional.of(m.group(1) + ":" + m.group(2) + ":" + m.group(3) + ":" + m.group(4)) : Optional.empty();
    }

    /**
     * The principal of {@code adminPrincipalArns[index]}, failing when the cluster's recorded creator
     * is that principal. Known at deploy time only (the tag comes from the cluster's state).
     */
    static Output<String> notTheCreator(Output<Map<String, String>> clusterTags, String principal, int index) {
        return clusterTags.applyValue(tags -> {
            String creator = tags == null ? null : tags.get(TAG);
            if (creator != null && sameIdentity(creator, principal)) {
                throw new SpecValidationException("aws target", List.of(problem(index, principal, creator)));
            }
            return principal;
        });
    }

    /** The problem for a listed principal that created the cluster. */
    public static Problem problem(int index, String principal, String creator) {
        return Problem.of("aws.adminPrincipalArns[" + index + "]", principal,
                "is the identity that creates the cluster (" + creator + "): EKS already makes it cluster admin through its "
                        + "bootstrap access entry, and a second entry fails with 409 ResourceInUseException; remove it from adminPrincipalArns");
    }
}
