package io.codezero.gcp.preflight;

import io.codezero.core.preflight.PreflightTarget;
import io.codezero.core.preflight.PreflightTargetContract;

/** The target's preflight runs through the shared command: its usage, flags and exit codes are the command's. */
class GcpPreflightTargetTest extends PreflightTargetContract {
    @Override
    protected PreflightTarget<?> target() {
        return new GcpPreflightTarget();
    }

    @Override
    protected String usage() {
        return "usage: codezero-gcp-preflight --config Pulumi.<stack>.yaml [--project PROJECT] [--region REGION] [--endpoint-url URL]";
    }
}
