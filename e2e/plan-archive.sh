#!/usr/bin/env bash
# `./codezero plan` keeps a class-data sharing archive under the project's target/codezero-plan/.
# It is a cache only: this damages it in the ways a disk or an interrupted copy could (bytes
# overwritten, file cut short, a jar changed after it was made) and checks that every plan still
# exits 0 and prints the same resources, and that the archive is made again where it must be.
# Exit 0 when all hold. Usage: e2e/plan-archive.sh [PROJECT_DIR] (default examples/minikube).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$(cd "${1:-$ROOT/examples/minikube}" && pwd)"
jsa="$dir/target/codezero-plan/classes.jsa"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The plan's resources and outputs, without its timing line; sorted, entries of printed maps too,
# as resources registered concurrently may print in a different order from one run to the next.
plan() {
  local out="$work/$1.txt"
  "$ROOT/codezero" plan "$dir" > "$out" || { echo "plan-archive: the plan failed ($1)" >&2; exit 1; }
  grep -v '^Planned offline in' "$out" | tr '{},' '\n\n\n' | sort > "$work/$1.sorted"
  cmp -s "$work/reference.sorted" "$work/$1.sorted" 2> /dev/null || [[ "$1" == reference ]] \
    || { echo "plan-archive: the plan's output changed ($1)" >&2; diff "$work/reference.sorted" "$work/$1.sorted" >&2; exit 1; }
}
mtime() { stat -c %Y.%s "$jsa"; }

plan reference
[[ -s "$jsa" && -s "$jsa.key" ]] || { echo "plan-archive: no archive was made at $jsa" >&2; exit 1; }
echo "plan-archive: archive made ($(($(stat -c %s "$jsa") / 1048576)) MiB)"

plan warm
echo "plan-archive: planned with the archive"

# bytes overwritten, size unchanged: the JVM's checksum refuses it (without it, JDK 17 crashes)
chmod u+w "$jsa"
size=$(stat -c %s "$jsa")
for at in $((size / 10)) $((size / 2)) $((size * 9 / 10)); do
  head -c 64 /dev/zero | tr '\0' '\132' | dd of="$jsa" bs=1 seek="$at" conv=notrunc status=none
done
plan overwritten
echo "plan-archive: planned with an archive whose bytes were overwritten"

# cut short: a truncated archive crashes JDK 17 even with checksums, so the script makes a new one
head -c $((size / 2)) "$jsa" > "$work/half" && cat "$work/half" > "$jsa"
plan truncated
[[ "$(stat -c %s "$jsa")" -gt $((size / 2)) ]] || { echo "plan-archive: the truncated archive was kept" >&2; exit 1; }
echo "plan-archive: planned with a truncated archive, which was made again"

# a jar on the classpath changed after the archive was made: made again
before="$(mtime)"
sleep 1
touch "$dir/target/codezero-plan/classes.jar"
plan jar-changed
[[ "$(mtime)" != "$before" ]] || { echo "plan-archive: the archive was not made again after a jar changed" >&2; exit 1; }
echo "plan-archive: a changed jar made a new archive"


# a java that makes no archive (here: one that drops -XX:ArchiveClassesAtExit): the plan runs
# without one, and later plans do not try again (each would otherwise run the program twice)
real_java="$(command -v java)"
mkdir "$work/bin"
cat > "$work/bin/java" <<WRAPPER
#!/usr/bin/env bash
echo run >> "$work/java-runs"
args=()
for a in "\$@"; do [[ "\$a" == -XX:ArchiveClassesAtExit=* ]] || args+=("\$a"); done
exec "$real_java" "\${args[@]}"
WRAPPER
chmod +x "$work/bin/java"
PATH="$work/bin:$PATH" plan no-archive-first
PATH="$work/bin:$PATH" plan no-archive-again
[[ "$(wc -l < "$work/java-runs")" -eq 3 ]] \
  || { echo "plan-archive: expected 3 java runs (one try at an archive, two plans), saw $(wc -l < "$work/java-runs")" >&2; exit 1; }
echo "plan-archive: a java that makes no archive plans without one, trying once"
plan back-to-java
[[ -s "$jsa" ]] || { echo "plan-archive: no archive after going back to the usual java" >&2; exit 1; }
echo "plan-archive: back on the usual java, an archive again"
