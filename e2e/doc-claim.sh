#!/usr/bin/env bash
# e2e/doc-claim.sh DOC TEXT: fails unless DOC states TEXT (whitespace-insensitive), so that a
# figure the docs give is the figure a CI step just produced. Used by .ci/run.
set -euo pipefail
doc="${1:?usage: e2e/doc-claim.sh DOC TEXT}" text="${2:?usage: e2e/doc-claim.sh DOC TEXT}"
squash() { tr -s ' \n\t' '   '; }
if grep -qF -- "$(squash <<<"$text" | sed 's/ $//')" <(squash < "$doc"); then
	echo "doc claim holds: $doc states \"$text\""
else
	echo "doc claim broken: $doc does not state \"$text\" (the figure CI just measured); update the doc" >&2
	exit 1
fi
