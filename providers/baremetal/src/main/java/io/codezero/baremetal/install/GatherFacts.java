package io.codezero.baremetal.install;

import io.codezero.baremetal.ssh.CommandResult;

/**
 * Step 2: reads what the machine is (OS, architecture, memory, clock, init system, ports, what k3s is installed) in one round trip.
 */
final class GatherFacts implements Phase {
    @Override
    public String title() {
        return "gather facts";
    }

    @Override
    public void run(NodeRun run) {
        long before = System.currentTimeMillis();
        CommandResult r = run.session().sudo(HostFacts.SCRIPT);
        long after = System.currentTimeMillis();
        if (!r.ok()) {
            throw new IllegalStateException("could not read facts as root (exit " + r.exitCode() + "): " + r.tail());
        }
        run.facts(HostFacts.parse(r.stdout(), (before + after) / 2000));
    }
}
