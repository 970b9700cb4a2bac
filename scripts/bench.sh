#!/usr/bin/env bash
# bench.sh — end-to-end benchmark of `briefing build` (issue #7).
#
# Generates the synthetic archives once (cmd/eventgen, seed 1, 5 years:
# 10,000 and 100,000 events) into $BENCH_DIR, builds the binary, runs each
# workload $RUNS times with SOURCE_DATE_EPOCH fixed, and prints the median
# wall time and peak RSS (/usr/bin/time -v) with the median of every stage
# (from `--verbose --log-format json`). Runs are interleaved across workloads (run 1
# of every workload, then run 2, ...) so that a burst of load on a shared
# machine does not land on one workload only.
#
#   scripts/bench.sh                    # every workload, 5 runs each
#   RUNS=3 WORKLOADS="W1 W2" scripts/bench.sh
#   BRIEFING_BIN=/tmp/old-briefing scripts/bench.sh   # measure another build
#
# Environment:
#   BENCH_DIR     archives, binaries, outputs and logs (default /tmp/briefing-bench)
#   RUNS          runs per workload (default 5)
#   WORKLOADS     which workloads to run (default "W1 W2 W3 W4 W5")
#   BRIEFING_BIN  a prebuilt briefing binary; default: build ./cmd/briefing
#   KEEP_OUTPUT   keep the outputs of the last run of each workload (default: removed)
#
# Workloads (targets from issue #7; W5 is only there for the 10k→100k
# ratio of `all`):
#   W1  10,000 events   --period latest-week          PDF + XLSX   ≤ 1.0 s
#   W2  100,000 events  --period latest-week          PDF + XLSX   ≤ 5 s,  ≤ 1 GB
#   W3  100,000 events  --period 2024                 PDF + XLSX   ≤ 6 s,  ≤ 1.5 GB
#   W4  100,000 events  --period all --format xlsx    XLSX         ≤ 7 s,  ≤ 1.2 GB (issue #15: with the long tables)
#   W5  10,000 events   --period all --format xlsx    XLSX         (ratio only)
#   W6  10,000 events + one among all 249 ISO countries (30,876 pairs),
#       --period latest-week, PDF + XLSX (issue #11: ran out of memory)
set -euo pipefail

BENCH_DIR=${BENCH_DIR:-/tmp/briefing-bench}
RUNS=${RUNS:-5}
WORKLOADS=${WORKLOADS:-"W1 W2 W3 W4 W5 W6"}
# 2025-10-27T00:00:00Z: the Monday after eventgen's fixed end date.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1761523200}

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

if [ ! -x /usr/bin/time ]; then
	echo "bench.sh: /usr/bin/time is missing (peak RSS is read from GNU time -v); install it with: apt-get install time" >&2
	exit 1
fi

mkdir -p "$BENCH_DIR/bin" "$BENCH_DIR/logs"

bin=${BRIEFING_BIN:-}
if [ -z "$bin" ]; then
	bin=$BENCH_DIR/bin/briefing
	echo "building $bin" >&2
	go build -o "$bin" ./cmd/briefing
fi

# archive N: generate DIR/events-N once; the same flags give the same bytes.
# N-all-countries is archive N plus one event among all 249 ISO countries,
# which BenchmarkBuildAllCountries (internal/benchdata.WithFile) writes.
archive() {
	local n=$1 dir=$BENCH_DIR/events-$1
	if [ "$n" = 10000-all-countries ] && [ ! -f "$dir/config.toml" ]; then
		BENCH_DIR=$BENCH_DIR BRIEFING_BENCH_LARGE=1 go test ./internal/stages -run '^$' -bench BuildAllCountries -benchtime 1x >&2
	fi
	if [ ! -f "$dir/config.toml" ]; then
		[ -x "$BENCH_DIR/bin/eventgen" ] || go build -o "$BENCH_DIR/bin/eventgen" ./cmd/eventgen
		local tmp
		tmp=$(mktemp -d "$BENCH_DIR/.gen-XXXXXX")
		"$BENCH_DIR/bin/eventgen" --events "$n" --years 5 --seed 1 --out "$tmp/a" >&2
		mv "$tmp/a" "$dir" 2>/dev/null || true # another run may have made it
		rm -rf "$tmp"
	fi
	echo "$dir"
}

# workload W: events period formats target-seconds target-MB
spec() {
	case $1 in
	W1) echo "10000 latest-week pdf,xlsx 1.0 -" ;;
	W2) echo "100000 latest-week pdf,xlsx 5 1024" ;;
	W3) echo "100000 2024 pdf,xlsx 6 1536" ;;
	W4) echo "100000 all xlsx 7 1228" ;;
	W5) echo "10000 all xlsx - -" ;;
	W6) echo "10000-all-countries latest-week pdf,xlsx - -" ;;
	*) echo "bench.sh: unknown workload $1" >&2; exit 2 ;;
	esac
}

for w in $WORKLOADS; do
	read -r n _ _ _ _ <<<"$(spec "$w")"
	archive "$n" >/dev/null
done

# One run: writes logs/W.runR.{err,time}; records wall s, RSS MB and stages.
run() {
	local w=$1 r=$2 n period formats
	read -r n period formats _ _ <<<"$(spec "$w")"
	local out=$BENCH_DIR/out/$w log=$BENCH_DIR/logs/$w.run$r
	rm -rf "$out"
	local status=0
	/usr/bin/time -v -o "$log.time" "$bin" --verbose --log-format json build \
		--config "$BENCH_DIR/events-$n/config.toml" --period "$period" --format "$formats" --out "$out" \
		2>"$log.err" >/dev/null || status=$?
	# Stages that finished are recorded even when a later one failed.
	sed -n 's/.*"stage":"\([^"]*\)","duration_ms":\([0-9.e+-]*\).*/\1\t\2/p' "$log.err" |
		while IFS=$'\t' read -r stage ms; do echo "$w	$stage	$ms"; done >>"$BENCH_DIR/logs/stages"
	if [ "$status" != 0 ]; then
		echo "FAILED $w run $r (exit $status): $(grep -v '^{' "$log.err" | head -3)" >&2
		echo "$w $r FAILED" >>"$BENCH_DIR/logs/results"
		return
	fi
	local wall rss
	# "Elapsed (wall clock) time (h:mm:ss or m:ss): 0:04.21"
	wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$log.time")
	rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$log.time")
	echo "$w $r $wall $rss" >>"$BENCH_DIR/logs/results"
	[ -n "${KEEP_OUTPUT:-}" ] || rm -rf "$out"
	printf '%s run %d: %.2f s, %d MB\n' "$w" "$r" "$wall" "$rss" >&2
}

: >"$BENCH_DIR/logs/results"
: >"$BENCH_DIR/logs/stages"
# The machine may be shared: say how busy it was around the runs.
load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
for r in $(seq 1 "$RUNS"); do
	for w in $WORKLOADS; do
		run "$w" "$r"
	done
done

# median of the numbers on stdin
median() { sort -g | awk '{v[NR] = $1} END {if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")

echo
echo "briefing build, $RUNS runs per workload, medians ($(date -u +%Y-%m-%d), $(nproc) CPUs, $("$bin" --version 2>/dev/null | head -1))"
echo "load average (1, 5, 15 min) before the runs: $load_before; after: $load_after"
echo
echo "| workload | events | period | formats | wall (s) | peak RSS (MB) | target | met |"
echo "|---|---:|---|---|---:|---:|---|---|"
declare -A WALL
for w in $WORKLOADS; do
	read -r n period formats tsec tmb <<<"$(spec "$w")"
	ok=$(awk -v w="$w" '$1 == w && $3 != "FAILED"' "$BENCH_DIR/logs/results" | wc -l)
	failed=$(awk -v w="$w" '$1 == w && $3 == "FAILED"' "$BENCH_DIR/logs/results" | wc -l)
	wall=$(awk -v w="$w" '$1 == w && $3 != "FAILED" {print $3}' "$BENCH_DIR/logs/results" | median)
	rss=$(awk -v w="$w" '$1 == w && $3 != "FAILED" {print $4}' "$BENCH_DIR/logs/results" | median)
	WALL[$w]=$wall
	target="-" met="-"
	if [ "$tsec" != "-" ]; then
		target="≤ $tsec s"
		[ "$tmb" != "-" ] && target="$target, ≤ $(awk -v m="$tmb" 'BEGIN { printf "%.1f", m / 1024 }') GB"
		if [ "$ok" = 0 ]; then
			met="not met (failed)"
		elif awk -v a="$wall" -v b="$tsec" -v r="$rss" -v m="$tmb" 'BEGIN {exit !(a <= b && (m == "-" || r <= m))}'; then
			met="met"
		else
			met="not met"
		fi
	fi
	[ "$failed" != 0 ] && met="$met ($failed of $RUNS runs failed)"
	printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$w" "$n" "$period" "$formats" "$wall" "$rss" "$target" "$met"
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (a == "-" || b == "-" || a == 0) print "-"; else printf "%.1f", b / a}'; }
echo
[ -n "${WALL[W1]:-}" ] && [ -n "${WALL[W2]:-}" ] && echo "W2/W1 (latest-week, 10k → 100k events): $(ratio "${WALL[W1]}" "${WALL[W2]}")"
[ -n "${WALL[W5]:-}" ] && [ -n "${WALL[W4]:-}" ] && echo "W4/W5 (all, 10k → 100k events): $(ratio "${WALL[W5]}" "${WALL[W4]}")"

echo
echo "Median per stage (ms; a failed run counts for the stages it finished):"
echo
stages=$(awk -F'\t' '!seen[$2]++ {print $2}' "$BENCH_DIR/logs/stages")
printf '| stage |'
for w in $WORKLOADS; do printf ' %s |' "$w"; done
echo
printf '|---|'
for w in $WORKLOADS; do printf -- '---:|'; done
echo
while IFS= read -r s; do
	[ -n "$s" ] || continue
	printf '| %s |' "$s"
	for w in $WORKLOADS; do
		m=$(awk -F'\t' -v w="$w" -v s="$s" '$1 == w && $2 == s {print $3}' "$BENCH_DIR/logs/stages" | median)
		[ "$m" = "-" ] || m=$(printf '%.0f' "$m")
		printf ' %s |' "$m"
	done
	echo
done <<<"$stages"
echo
echo "Logs: $BENCH_DIR/logs (results: workload run wall-s rss-MB; stages: workload stage ms)"
