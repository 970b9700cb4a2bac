#!/bin/sh
# Weekly briefing from cron. Install briefing first
# (go install github.com/briefing-tool/briefing/cmd/briefing@latest), then:
#
#   0 6 * * 1  /path/to/weekly-briefing.sh /path/to/project >>/var/log/briefing.log 2>&1
#
# The outputs replace last week's only when all of them were written
# (briefing renames them into place at the end); on failure the previous
# briefing stays and this script exits with briefing's code (1 invalid
# input, 2 usage, 3 rendering/writing), so cron mails the log.
#
# Keep output/ between runs: each build finds last week's manifest there by
# itself and says what changed since that edition (late reports, amended or
# removed events); its log names the manifest it compared with.
set -eu
project=${1:?usage: weekly-briefing.sh PROJECT_DIR}
cd "$project"
export CI=true # no progress bar in a log file
code=0
briefing --log-format json build --period last-week --strict || code=$?
if [ "$code" -ne 0 ]; then
  echo "weekly briefing failed with exit code $code" >&2
  exit "$code"
fi
