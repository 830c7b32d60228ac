#!/bin/sh
# Print the description git format-patch was given for a cover letter:
# the subject (without "[PATCH 0/N]") as the first paragraph, then the body
# up to the shortlog ("Name (N):"). This is the inverse of
# "format-patch --cover-from-description=subject".
set -eu
awk '
	/^Subject: / && !subj { s = $0; sub(/^Subject: (\[[^]]*\] )?/, "", s); subj = 1; insubj = 1; next }
	insubj && /^[ \t]/ { t = $0; sub(/^[ \t]+/, " ", t); s = s t; next }
	insubj { insubj = 0 }
	!body && subj && /^$/ { body = 1; print s; print ""; next }
	body && /^[^ ].* \([0-9]+\):$/ { exit }
	body { lines[++n] = $0 }
	END { while (n > 0 && lines[n] == "") n--; for (i = 1; i <= n; i++) print lines[i] }
' "$1"
