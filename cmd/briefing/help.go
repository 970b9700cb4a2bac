package main

import (
	"fmt"

	"github.com/urfave/cli/v2"
)

// examples end each command's --help: real command lines, which
// TestHelpExamples runs.
var examples = map[string]string{
	"build": `   briefing build                              # briefing.period (latest-week) into output/
   briefing build --period 2025-W43 --per-pair # a given week, and one PDF per pair
   briefing build --pair GEO-* --format xlsx   # only Georgia's pairs, the workbook only
`,
	"check": `   briefing check                 # everything build would reject; writes nothing
   briefing check --strict        # warnings fail too (exit 1): for CI
   briefing check -c other.toml   # another project's config
`,
	"summary": `   briefing summary --period all              # every pair's numbers over the whole archive
   briefing summary --period 2025-Q4 --json   # JSON for scripts
   briefing summary --pair AZE-GEO            # one pair, briefing.period
`,
	"init": `   briefing init my-briefing          # a new project in my-briefing/
   briefing init --force my-briefing  # the scaffold's files again, over your changes to them
`,
	"import": `   briefing import csv --map examples/import/us-travels.toml us_travels_and_foreign_visits.csv  # a table, through a mapping file
   briefing import gdelt --country RUS --since 2017-01-01 gdelt2_events_sample_2017.csv            # GDELT rows involving Russia
   briefing import icews --out-dir input/icews icews_events.2018.sample.tab                        # ICEWS rows into input/icews/
`,
	"serve": `   briefing serve                                # briefing.period at http://127.0.0.1:8080/, rebuilt on every save
   briefing serve --period 2025-W43 --pair GEO-* # a given week, Georgia's pairs only
   briefing serve --addr 127.0.0.1:9000          # another port
`,
	"diff": `   briefing diff old/briefing-2025-W43.manifest.json output/briefing-2025-W43.manifest.json         # what a rebuild changed; exit 1 if anything
   briefing diff --json output/briefing-2025-W42.manifest.json output/briefing-2025-W43.manifest.json # last week's edition against this week's, as JSON
`,
	"completion": `   source <(briefing completion bash)                     # bash, this shell
   briefing completion zsh > "${fpath[1]}/_briefing"      # zsh, from the next shell on
`,
}

// completionCommand prints a shell's completion script. The scripts ask
// the binary (urfave/cli's --generate-bash-completion) for the commands
// and flags that fit, so they stay right as commands are added.
func completionCommand() *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print the shell completion script for bash or zsh",
		ArgsUsage: "bash|zsh",
		Action: func(c *cli.Context) error {
			if c.Args().Len() != 1 {
				return usagef("completion takes one shell, bash or zsh, got %d arguments", c.Args().Len())
			}
			script, ok := completionScripts[c.Args().First()]
			if !ok {
				return usagef("completion %q: the shells are bash and zsh", c.Args().First())
			}
			_, err := fmt.Fprint(c.App.Writer, script)
			return err
		},
	}
}

// The scripts follow urfave/cli's autocomplete/bash_autocomplete and
// zsh_autocomplete, without bash-completion's helpers, which a plain bash
// does not have.
var completionScripts = map[string]string{
	"bash": `# bash completion for briefing: source <(briefing completion bash)
_briefing_complete() {
  local cur="${COMP_WORDS[COMP_CWORD]}" opts
  local words=("${COMP_WORDS[@]:0:COMP_CWORD}")
  if [[ "$cur" == -* ]]; then
    opts=$("${words[@]}" "$cur" --generate-bash-completion 2>/dev/null)
  else
    opts=$("${words[@]}" --generate-bash-completion 2>/dev/null)
  fi
  COMPREPLY=($(compgen -W "$opts" -- "$cur"))
}
complete -o bashdefault -o default -F _briefing_complete briefing
`,
	"zsh": `#compdef briefing
# zsh completion for briefing: briefing completion zsh > "${fpath[1]}/_briefing"
_briefing() {
  local -a opts
  local cur=${words[-1]}
  if [[ "$cur" == -* ]]; then
    opts=("${(@f)$(${words[@]:0:#words[@]-1} ${cur} --generate-bash-completion 2>/dev/null)}")
  else
    opts=("${(@f)$(${words[@]:0:#words[@]-1} --generate-bash-completion 2>/dev/null)}")
  fi
  if [[ "${opts[1]}" != "" ]]; then
    _describe 'values' opts
  else
    _files
  fi
}
compdef _briefing briefing
`,
}
