#!/bin/sh
# The benchmark (SPEC R7): one boot per profile and kernel, the base's
# behaviour ($BEFORE, scripts/lib.sh: its stage2_mappings file counts the
# faults) and the series, side by side. Each boot runs aarch64/special_pfn_touch_bench (tests/bench.list).
# Writes bench.csv and prints a table of medians, with the ratio of the
# series' first-touch time to the base's measured in the same run.
# Usage: bench.sh [PROFILE...]   (default: max nofwb nvhe)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/scripts/lib.sh"
[ $# -gt 0 ] || set -- max nofwb nvhe
kernels="$BEFORE series"
# shellcheck disable=SC2086
build_kernels $kernels
run=$BUILD/bench/$(date +%Y%m%d-%H%M%S)
mkdir -p "$run"
ln -sfn "$run" "$BUILD/bench/latest"
# Through the one runner (every console judged, the benchmark must pass on
# both kernels), then the numbers from its logs.
for p in "$@"; do
	for k in $kernels; do
		echo "$p-$k $k $p bench 1 tests"
	done
done | JOBS=1 RUN=$run "$top/scripts/run-suite.sh" bench ||
	die "the benchmark's boots failed: see $run"
csv=$run/bench.csv
echo "kernel,profile,source,mib,run,faults,first_touch_us,exits,warm_exits_per_mib,warm_faults,exec_faults,exec_us_per_fault" > "$csv"
for p in "$@"; do
	for k in $kernels; do
		tr -d '\r' < "$run/$p-$k.log" | sed -n 's/^# csv,//p' |
			grep -v '^source,' | sed "s/^/$k,$p,/" >> "$csv"
	done
done

# One row per profile, source and size: medians over the runs.
awk -F, -v base="$BEFORE" '
	function median(list,   v, n, i, j, t) {
		n = split(list, v, " ")
		for (i = 2; i <= n; i++)
			for (j = i; j > 1 && v[j - 1] + 0 > v[j] + 0; j--) {
				t = v[j]; v[j] = v[j - 1]; v[j - 1] = t
			}
		return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
	}
	NR > 1 {
		key = $2 "," $3 "," $4
		if (!(key in seen)) { seen[key] = 1; keys[++nk] = key }
		faults[key, $1] = faults[key, $1] " " $6
		us[key, $1] = us[key, $1] " " $7
		wexits[key, $1] = wexits[key, $1] " " $9
		wfaults[key, $1] = wfaults[key, $1] " " $10
		# Exec-fault exits: "-" where the memory is executable (RAM).
		if ($12 != "" && $12 != "-") xus[key, $1] = xus[key, $1] " " $12
	}
	END {
		printf "%-7s %-12s %5s  %9s %9s  %11s %11s %7s  %11s %15s  %9s %9s\n", "profile", "source",
			"MiB", "faults", "faults", "touch ms", "touch ms", "ratio",
			"warm faults", "warm exits/MiB", "exec us", "exec us"
		printf "%-7s %-12s %5s  %9s %9s  %11s %11s %7s  %11s %15s  %9s %9s\n", "", "", "",
			"base", "series", "base", "series", "", "series", "series",
			"base", "series"
		for (i = 1; i <= nk; i++) {
			k = keys[i]; split(k, f, ",")
			# A source one kernel does not offer (cacheable PFNMAP on
			# the base) has no runs there: "-".
			hb = hs = 0
			if ((k, base) in us) hb = 1
			if ((k, "series") in us) hs = 1
			b = hb ? sprintf("%.1f", median(us[k, base]) / 1000) : "-"
			s = hs ? sprintf("%.1f", median(us[k, "series"]) / 1000) : "-"
			fb = hb ? median(faults[k, base]) : "-"
			fs = hs ? median(faults[k, "series"]) : "-"
			r = (hb && hs && b + 0 > 0) ? sprintf("%.3f", s / b) : "-"
			wf = hs ? median(wfaults[k, "series"]) : "-"
			we = hs ? sprintf("%.2f", median(wexits[k, "series"])) : "-"
			# Microseconds per exec-fault exit (instruction fetches
			# from the touched, non-executable region).
			xb = ((k, base) in xus) ? sprintf("%.1f", median(xus[k, base])) : "-"
			xs = ((k, "series") in xus) ? sprintf("%.1f", median(xus[k, "series"])) : "-"
			printf "%-7s %-12s %5s  %9s %9s  %11s %11s %7s  %11s %15s  %9s %9s\n",
				f[1], f[2], f[3], fb, fs, b, s, r, wf, we, xb, xs
		}
	}' "$csv" | tee "$run/table.txt"
echo
echo "csv: $csv"
