package io.codezero.baremetal.install;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The architecture the airgap assets were built for, compared with the machine's ({@code uname -m})
 * before anything is installed: an amd64 binary on an aarch64 machine would "install" and then fail
 * with a message that blames the version. The binary's architecture comes from its ELF header; the
 * images tarball's from its release name ({@code k3s-airgap-images-<arch>.tar[.zst|.gz]}). Assets
 * that say neither (a script, a renamed tarball) are not judged.
 */
final class AirgapArchitecture {
    /** ELF e_machine values of the architectures k3s is released for, as uname -m names them. */
    private static final Map<Integer, String> ELF_MACHINES = Map.of(0x3E, "x86_64", 0xB7, "aarch64", 0x28, "armv7l",
            0x16, "s390x", 0xF3, "riscv64");
    /** k3s release names (binary suffix, images tarball) by uname -m. */
    private static final Map<String, String> RELEASE_ARCH = Map.of("x86_64", "amd64", "aarch64", "arm64", "armv7l", "arm",
            "s390x", "s390x", "riscv64", "riscv64");
    private static final Pattern IMAGES_NAME = Pattern.compile("k3s-airgap-images-([a-z0-9]+)\\.tar(\\..*)?");

    private AirgapArchitecture() {
    }

    /** Problems for assets built for another architecture than {@code machineArch}; empty when they fit or cannot be told. */
    static List<String> mismatches(Airgap airgap, String machineArch) {
        List<String> problems = new ArrayList<>();
        String wanted = RELEASE_ARCH.get(machineArch);
        if (wanted == null) {
            return problems;
        }
        String binaryArch = elfArchitecture(airgap);
        if (binaryArch != null && !binaryArch.equals(machineArch)) {
            problems.add("the airgap k3s binary " + airgap.k3sBinary() + " is built for " + binaryArch + " but the machine is "
                    + machineArch + ": use the k3s release asset for " + wanted + " (" + ("amd64".equals(wanted) ? "k3s" : "k3s-" + wanted) + ")");
        }
        if (airgap.images() != null) {
            Matcher m = IMAGES_NAME.matcher(airgap.images().getFileName().toString());
            if (m.matches() && !m.group(1).equals(wanted)) {
                problems.add("the airgap images " + airgap.images().getFileName() + " are for " + m.group(1) + " but the machine is "
                        + machineArch + ": use k3s-airgap-images-" + wanted + ".tar.zst from the same release");
            }
        }
        return problems;
    }

    /** uname -m name of the ELF binary's machine, or null for a file that is not an ELF binary of a known machine. */
    static String elfArchitecture(Airgap airgap) {
        byte[] header = new byte[20];
        try (InputStream in = Files.newInputStream(airgap.k3sBinary())) {
            if (in.readNBytes(header, 0, header.length) < header.length) {
                return null;
            }
        } catch (IOException e) {
            return null;
        }
        if (header[0] != 0x7f || header[1] != 'E' || header[2] != 'L' || header[3] != 'F') {
            return null;
        }
        boolean littleEndian = header[5] == 1;
        int machine = littleEndian ? (header[18] & 0xff) | (header[19] & 0xff) << 8 : (header[19] & 0xff) | (header[18] & 0xff) << 8;
        return ELF_MACHINES.get(machine);
    }
}
