#!/usr/bin/env bash
# Prepares a machine for the bare-metal SSH host harness. Idempotent: a second run does nothing
# but checks. Needs root. Cold: ~10 s of apt + ~60 s of debootstrap; warm: < 1 s.
#
#   providers/baremetal/src/test/harness/setup.sh            # packages + rootfs
#   CODEZERO_ROOTFS=/some/dir providers/baremetal/src/test/harness/setup.sh
#
# The rootfs lives outside the repository (default /var/cache/codezero-rootfs) and is only ever
# used read-only, as the lower layer of one overlay per test host.
set -euo pipefail

ROOTFS="${CODEZERO_ROOTFS:-/var/cache/codezero-rootfs}"
SUITE="${CODEZERO_ROOTFS_SUITE:-bookworm}"
MIRROR="${CODEZERO_ROOTFS_MIRROR:-http://deb.debian.org/debian}"
ROOTFS_PACKAGES="openssh-server,iproute2,procps,sudo,curl,iptables,ca-certificates"

if [ "$(id -u)" != 0 ]; then
  echo "setup.sh: must run as root (it installs packages and builds a root filesystem)" >&2
  exit 1
fi

need_pkgs=()
for p in debootstrap openssh-server nftables iproute2 util-linux openssh-client; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need_pkgs+=("$p")
done
if [ ${#need_pkgs[@]} -gt 0 ]; then
  echo "setup.sh: installing ${need_pkgs[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >/dev/null
fi

# The marker is written last, so an interrupted debootstrap is redone rather than trusted.
if [ -f "$ROOTFS/.codezero-rootfs-ready" ]; then
  echo "setup.sh: rootfs ready at $ROOTFS"
  exit 0
fi

echo "setup.sh: building rootfs at $ROOTFS ($SUITE, minbase + $ROOTFS_PACKAGES)"
rm -rf "$ROOTFS.tmp"
mkdir -p "$(dirname "$ROOTFS")"
debootstrap --variant=minbase --include="$ROOTFS_PACKAGES" "$SUITE" "$ROOTFS.tmp" "$MIRROR" >/dev/null
# Host keys are made per test host; the ones debootstrap generated must not be shared by all hosts.
rm -f "$ROOTFS.tmp"/etc/ssh/ssh_host_*
mkdir -p "$ROOTFS.tmp/run/sshd"
rm -rf "$ROOTFS"
mv "$ROOTFS.tmp" "$ROOTFS"
touch "$ROOTFS/.codezero-rootfs-ready"
echo "setup.sh: rootfs ready at $ROOTFS ($(du -sh "$ROOTFS" | cut -f1))"
