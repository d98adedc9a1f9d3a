package io.codezero.baremetal.install;

import static io.codezero.baremetal.install.Phases.WORK_DIR;
import static io.codezero.baremetal.install.Phases.INSTALL_SCRIPT;
import static io.codezero.baremetal.install.Phases.needsInstall;
import static io.codezero.baremetal.install.Phases.curlMeaning;

import io.codezero.baremetal.ssh.CommandResult;
import io.codezero.baremetal.ssh.SshSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Step 5: puts the k3s binary and install script on the machine (airgap: uploaded and verified before they are moved into place;
 * online: downloaded there).
 */
final class Upload implements Phase {
    @Override
    public String title() {
        return "upload";
    }

    @Override
    public boolean shouldRun(NodeRun run) {
        return needsInstall(run);
    }

    @Override
    public void run(NodeRun run) throws IOException {
        SshSession s = run.session();
        NodeSpec spec = run.spec();
        // The marker first: from now on what is on the machine is CodeZero's own (half-)install, never
        // mistaken for a k3s someone else installed. One round trip with the binary's checksum.
        CommandResult marked = s.sudo("mkdir -p " + WORK_DIR + " && { [ -e " + HostFacts.OWNER_MARKER + " ] || printf 'codezero\\n' > "
                + HostFacts.OWNER_MARKER + "; } || { rm -f " + HostFacts.OWNER_MARKER + "; exit 1; }; sha256sum " + run.k3sBinary()
                + " 2>/dev/null | cut -d' ' -f1; true");
        if (!marked.ok()) {
            throw new IllegalStateException("could not write the install marker " + HostFacts.OWNER_MARKER + " on " + s.endpoint().host()
                    + " (" + marked.stderr().strip() + "): the file system holding " + WORK_DIR + " is full or read-only; free space"
                    + " (check with: df -h " + WORK_DIR + ") and run `pulumi up` again");
        }
        if (spec.airgap() != null) {
            // Streamed, with its digest computed once per process: a wave of machines shares one 70 MB binary.
            Path binary = spec.airgap().k3sBinary();
            String remoteSum = marked.stdout().trim();
            if (!remoteSum.equals(SshSession.sha256(binary))) {
                // Counted once in place: a failed upload removes its partial file and changes nothing.
                s.upload(binary, run.k3sBinary(), "755");
                run.markChanged("uploaded " + run.k3sBinary());
            }
            s.upload(spec.airgap().installScript(), INSTALL_SCRIPT, "700");
            Path images = spec.airgap().images();
            if (images != null) {
                String remote = Airgap.IMAGES_DIR + images.getFileName();
                String size = s.sudo("stat -c %s " + SshSession.quote(remote) + " 2>/dev/null").stdout().trim();
                // Same name and size: already there (hashing hundreds of megabytes each run would be slow).
                if (!size.equals(String.valueOf(Files.size(images)))) {
                    s.upload(images, remote, "644");
                    run.markChanged("uploaded " + remote);
                }
            }
        } else {
            CommandResult r = s.sudo("set -e; mkdir -p " + WORK_DIR + "; curl -sSfL --retry 3 --connect-timeout 20 "
                    + SshSession.quote(spec.installScriptUrl()) + " -o " + INSTALL_SCRIPT + ".tmp; chmod 700 " + INSTALL_SCRIPT
                    + ".tmp; mv -f " + INSTALL_SCRIPT + ".tmp " + INSTALL_SCRIPT);
            if (!r.ok()) {
                throw new IllegalStateException("could not download the k3s install script from " + spec.installScriptUrl()
                        + " on " + s.endpoint().host() + " (curl exit " + r.exitCode() + curlMeaning(r.exitCode()) + "): " + r.tail()
                        + "; the machine itself downloads it (and k3s): give it internet access (DNS, a route, a proxy in"
                        + " /etc/environment), or use airgap assets (codezero:baremetal.airgap), which need no internet");
            }
        }
    }
}
