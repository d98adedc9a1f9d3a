package io.codezero.pkg;

import com.pulumi.Config;
import io.codezero.baremetal.BareMetalConfig;
import io.codezero.core.config.AllConfig;
import io.codezero.core.validation.Problem;
import java.util.List;
import java.util.Optional;

/**
 * The secret config keys a bare-metal section names ({@code credentials: sshKey}), read from the calling program's
 * {@code codezero:} config as a Java program's {@code StackConfig.secret} reads them: the engine hands a component
 * provider the caller's config, and the Java SDK runs {@code Construct} with it. A key set in plain text is the same
 * problem as on the Java path, so a credential never has to sit in a program's inputs.
 */
final class CallerSecrets implements BareMetalConfig.SecretLookup {
    private static final String NAMESPACE = "codezero";
    private final List<Problem> problems;

    /**
     * @param problems where a key set in plain text is reported
     */
    CallerSecrets(List<Problem> problems) {
        this.problems = problems;
    }

    @Override
    public Optional<String> get(String key) {
        Config codezero = Config.of(NAMESPACE);  // only now: the construct's deployment is running
        Optional<String> value = codezero.get(key);
        if (value.isPresent() && !AllConfig.isSecret(codezero, NAMESPACE + ":" + key)) {
            problems.add(Problem.of(NAMESPACE + ":" + key, "<plain text>", "holds a credential in plain text in Pulumi.<stack>.yaml; "
                    + "remove it there and set it as a secret: pulumi config set --secret " + NAMESPACE + ":" + key + " -- VALUE"));
        }
        return value;
    }
}
