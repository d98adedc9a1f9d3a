package io.codezero.core.target;

/**
 * A target's preferred mesh dataplane, for when the user does not choose one. Ambient (node agents,
 * no proxy per pod) where CodeZero controls the CNI and small machines gain most; sidecars where the
 * target's CNI is not ours or node agents are constrained (Fargate, Autopilot, clouds' own CNIs).
 *
 * @param ambient whether ambient mode is preferred
 * @param why     the reason, shown in docs and plans
 */
public record MeshDataplanePreference(boolean ambient, String why) {
}
