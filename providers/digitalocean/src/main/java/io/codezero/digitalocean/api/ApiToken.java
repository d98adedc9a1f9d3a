package io.codezero.digitalocean.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The DigitalOcean API token, found in this order: a token file named on the command line, the
 * environment ({@code DIGITALOCEAN_TOKEN}, then doctl's {@code DIGITALOCEAN_ACCESS_TOKEN}), the file
 * named by {@code DIGITALOCEAN_TOKEN_FILE}, then {@code ~/.config/codezero/digitalocean-token}. Never
 * from a kubeconfig, never printed: {@link #toString()} hides it.
 */
public final class ApiToken {
    public static final String DEFAULT_FILE = ".config/codezero/digitalocean-token";
    private final String value;
    private final String source;

    private ApiToken(String value, String source) {
        this.value = value;
        this.source = source;
    }

    public static ApiToken of(String value, String source) {
        return new ApiToken(value, source);
    }

    /** The token, or an exception whose message says where it was looked for and how to provide it. */
    public static ApiToken resolve(String tokenFile) {
        return find(tokenFile, System.getenv(), Path.of(System.getProperty("user.home"))).orElseThrow(() -> new IllegalStateException(
                "no DigitalOcean API token: export DIGITALOCEAN_TOKEN, or put the token in ~/" + DEFAULT_FILE
                        + " (mode 0600) or in the file named by DIGITALOCEAN_TOKEN_FILE or --token-file"));
    }

    /**
     * The token the program asks the API with: {@link #resolve} first, else the stack's
     * {@code digitalocean:token} (the provider's own config key, usually a Pulumi secret), so a stack
     * that gives the provider its token only in config gets the preflight and version lookup too.
     */
    public static ApiToken forProgram(String tokenFile, java.util.function.Function<String, Optional<String>> stackConfig) {
        return requiredForProgram(tokenFile, System.getenv(), Path.of(System.getProperty("user.home")), stackConfig);
    }

    /**
     * {@link #forProgram(String, java.util.function.Function)} with the environment and home directory given:
     * the token, or an {@link IllegalStateException} saying where it was looked for.
     */
    public static ApiToken requiredForProgram(String tokenFile, Map<String, String> env, Path home,
                                              java.util.function.Function<String, Optional<String>> stackConfig) {
        return forProgram(tokenFile, env, home, stackConfig).orElseThrow(() -> new IllegalStateException(
                "no DigitalOcean API token: export DIGITALOCEAN_TOKEN, or put the token in ~/" + DEFAULT_FILE
                        + " (mode 0600) or in the file named by DIGITALOCEAN_TOKEN_FILE or digitalocean.tokenFile"));
    }

    static Optional<ApiToken> forProgram(String tokenFile, Map<String, String> env, Path home,
                                         java.util.function.Function<String, Optional<String>> stackConfig) {
        return find(tokenFile, env, home).or(() -> stackConfig.apply("digitalocean:token").filter(t -> !t.isBlank())
                .map(t -> new ApiToken(t.trim(), "digitalocean:token")));
    }

    static Optional<ApiToken> find(String tokenFile, Map<String, String> env, Path home) {
        if (tokenFile != null && !tokenFile.isBlank()) {
            return Optional.of(fromFile(Path.of(tokenFile)));
        }
        for (String name : new String[] {"DIGITALOCEAN_TOKEN", "DIGITALOCEAN_ACCESS_TOKEN"}) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(new ApiToken(value.trim(), "$" + name));
            }
        }
        String fileFromEnv = env.get("DIGITALOCEAN_TOKEN_FILE");
        if (fileFromEnv != null && !fileFromEnv.isBlank()) {
            return Optional.of(fromFile(Path.of(fileFromEnv)));
        }
        Path standard = home.resolve(DEFAULT_FILE);
        return Files.isRegularFile(standard) ? Optional.of(fromFile(standard)) : Optional.empty();
    }

    private static ApiToken fromFile(Path file) {
        try {
            String value = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (value.isEmpty()) {
                throw new IllegalStateException("the DigitalOcean token file " + file + " is empty; put the API token in it");
            }
            return new ApiToken(value, file.toString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the DigitalOcean token file " + file + ": " + e.getMessage(), e);
        }
    }

    String value() {
        return value;
    }

    /** Where the token came from (an environment variable or a file), for messages. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "ApiToken[from " + source + "]";
    }
}
