package io.codezero.core.target;

import io.codezero.core.spec.ClusterSpec;

/**
 * A name a target gives something outside Pulumi, which the cloud (or the machine, or the cluster) holds unique
 * within a scope: an EKS cluster's name within its region and account, a GCP network's within its project, a
 * machine's address. Two stacks of one program claiming the same kind and name in the same scope would collide
 * at deploy time, so the stack reports it before anything registers.
 *
 * @param scope where the name must be unique, as a user reads it: {@code "AWS region eu-west-1"},
 *              {@code "GCP project acme-prod"}; equal scopes mean the same place
 * @param kind  what is named, e.g. {@code "EKS cluster"}, {@code "VPC network"}
 * @param name  the name the target gives it
 * @param field the input the name comes from, as the target's problems name it ({@code name} for the
 *              cluster's name, {@code baremetal.hosts[0].address}), so the problem points at what to change
 * @param input the value of that input as the user wrote it ({@code shop} for the network {@code shop-vpc})
 */
public record PhysicalName(String scope, String kind, String name, String field, String input) {

    /**
     * A name derived from the cluster's name, the usual case: {@code field} is {@code name}.
     *
     * @param spec  the cluster spec the name comes from
     * @param scope where the name must be unique, e.g. {@code "AWS region eu-west-1"}
     * @param kind  what is named, e.g. {@code "EKS cluster"}
     * @param name  the name the target gives it
     * @return the physical name
     */
    public static PhysicalName ofCluster(ClusterSpec spec, String scope, String kind, String name) {
        return new PhysicalName(scope, kind, name, "name", spec.name());
    }

    /**
     * True when both would name the same thing in the same place.
     *
     * @param other another stack's name
     * @return true when scope, kind and name are equal
     */
    public boolean collidesWith(PhysicalName other) {
        return scope.equals(other.scope) && kind.equals(other.kind) && name.equals(other.name);
    }
}
