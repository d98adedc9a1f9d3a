package io.codezero.digitalocean.preflight;

import io.codezero.core.preflight.PreflightTarget;
import io.codezero.core.preflight.PreflightTargetContract;

/** The target's preflight runs through the shared command: its usage, flags and exit codes are the command's. */
class DigitalOceanPreflightTargetTest extends PreflightTargetContract {
    @Override
    protected PreflightTarget<?> target() {
        return new DigitalOceanPreflightTarget();
    }

    @Override
    protected String usage() {
        return "usage: codezero-do-preflight --config Pulumi.<stack>.yaml [--region REGION] [--token-file FILE] [--api-url URL] [--stack STACK] [--project PROJECT]";
    }
}
