package io.codezero.core.plan;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One resource as the engine saw it registered: enough to draw the tree, follow dependencies and
 * check inputs (including which of them were secret) and the options that change what an update
 * does (ignoreChanges, protect, replaceOnChanges, deleteBeforeReplace) without a cloud.
 */
public record PlannedResource(
        String type,
        String name,
        String urn,
        String parentUrn,
        boolean custom,
        String providerUrn,
        List<String> dependencies,
        Map<String, Object> inputs,
        Set<String> secretInputs,
        String version,
        List<String> ignoreChanges,
        boolean protect,
        List<String> replaceOnChanges,
        boolean deleteBeforeReplace) {

    /** Null lists read as empty. */
    public PlannedResource {
        ignoreChanges = ignoreChanges == null ? List.of() : List.copyOf(ignoreChanges);
        replaceOnChanges = replaceOnChanges == null ? List.of() : List.copyOf(replaceOnChanges);
    }

    /** A resource registered without deleteBeforeReplace. */
    public PlannedResource(String type, String name, String urn, String parentUrn, boolean custom, String providerUrn,
                           List<String> dependencies, Map<String, Object> inputs, Set<String> secretInputs, String version,
                           List<String> ignoreChanges, boolean protect, List<String> replaceOnChanges) {
        this(type, name, urn, parentUrn, custom, providerUrn, dependencies, inputs, secretInputs, version, ignoreChanges, protect,
                replaceOnChanges, false);
    }

    /** A resource registered without replaceOnChanges. */
    public PlannedResource(String type, String name, String urn, String parentUrn, boolean custom, String providerUrn,
                           List<String> dependencies, Map<String, Object> inputs, Set<String> secretInputs, String version,
                           List<String> ignoreChanges, boolean protect) {
        this(type, name, urn, parentUrn, custom, providerUrn, dependencies, inputs, secretInputs, version, ignoreChanges, protect, List.of());
    }

    /** A resource registered without ignoreChanges or protect. */
    public PlannedResource(String type, String name, String urn, String parentUrn, boolean custom, String providerUrn,
                           List<String> dependencies, Map<String, Object> inputs, Set<String> secretInputs, String version) {
        this(type, name, urn, parentUrn, custom, providerUrn, dependencies, inputs, secretInputs, version, List.of(), false, List.of());
    }

    /** The value at a dotted path such as {@code metadata.labels}, or null. List indexes are numbers: {@code ports.0.port}. */
    public Object input(String path) {
        Object current = inputs;
        for (String part : path.split("\\.")) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(part);
            } else if (current instanceof List<?> list && part.matches("\\d+") && Integer.parseInt(part) < list.size()) {
                current = list.get(Integer.parseInt(part));
            } else {
                return null;
            }
        }
        return current;
    }

    public boolean isSecretInput(String topLevelKey) {
        return secretInputs.contains(topLevelKey);
    }

    public boolean isProvider() {
        return type.startsWith("pulumi:providers:");
    }

    /** "kubernetes" for "kubernetes:apps/v1:Deployment", "pulumi" for providers and stacks. */
    public String packageName() {
        return isProvider() ? type.substring("pulumi:providers:".length()) : type.substring(0, type.indexOf(':'));
    }

    @Override
    public String toString() {
        return type + "::" + name;
    }
}
