package io.codezero.aws.preflight;

import io.codezero.core.preflight.PreflightTarget;
import io.codezero.core.preflight.PreflightTargetContract;

/** The target's preflight runs through the shared command: its usage, flags and exit codes are the command's. */
class AwsPreflightTargetTest extends PreflightTargetContract {
    @Override
    protected PreflightTarget<?> target() {
        return new AwsPreflightTarget();
    }

    @Override
    protected String usage() {
        return "usage: codezero-aws-preflight --config Pulumi.<stack>.yaml [--region REGION] [--profile PROFILE] [--endpoint-url URL]";
    }
}
