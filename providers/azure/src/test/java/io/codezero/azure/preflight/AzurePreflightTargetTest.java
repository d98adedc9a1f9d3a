package io.codezero.azure.preflight;

import io.codezero.core.preflight.PreflightTarget;
import io.codezero.core.preflight.PreflightTargetContract;

/** The target's preflight runs through the shared command: its usage, flags and exit codes are the command's. */
class AzurePreflightTargetTest extends PreflightTargetContract {
    @Override
    protected PreflightTarget<?> target() {
        return new AzurePreflightTarget();
    }

    @Override
    protected String usage() {
        return "usage: codezero-azure-preflight --config Pulumi.<stack>.yaml [--location LOCATION] [--subscription ID] [--endpoint-url URL]";
    }
}
