#!/usr/bin/env bash
# Removes what an interrupted harness run left behind (a killed test JVM cannot run its close()):
# network namespaces "czXYZ-hN", links "czXYZbr" / "czXYZvN" and /tmp/codezero-harness-czXYZ*.
# Only the given prefix, or every "cz" + 3 hex prefix when none is given: do not run the latter
# while another harness run is in progress on this machine.
set -euo pipefail
prefix="${1:-}"
pattern="^cz[0-9a-f]{3}"
[ -n "$prefix" ] && pattern="^${prefix}"
for ns in $(ip netns list | awk '{print $1}' | grep -E "${pattern}-h[0-9]+$" || true); do
  for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -9 "$pid" 2>/dev/null || true; done
  ip netns del "$ns" && echo "removed netns $ns"
done
for link in $(ip -o link show | awk -F': ' '{print $2}' | cut -d@ -f1 | grep -E "${pattern}(br|v[0-9]+)$" || true); do
  ip link del "$link" 2>/dev/null && echo "removed link $link"
done
for dir in /tmp/codezero-harness-${prefix:-cz}*; do
  [ -d "$dir" ] || continue
  grep -q " $dir/" /proc/mounts && { echo "still mounted, skipped: $dir"; continue; }
  rm -rf "$dir" && echo "removed $dir"
done
