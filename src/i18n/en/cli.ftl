# The command line's help (`workshop --help`, `workshop <command> --help`):
# each command's about (`cli-<command>-about`, `-long-about`) and each
# argument's help (`cli-<command>-arg-<id>`, `-long`), as the doc comments of
# src/cli/mod.rs say them (a test keeps them the same), then clap's own words.

cli-about = A self-checking workshop on Go profiling and tracing
cli-long-about =
    A self-checking workshop on Go profiling and tracing.

    Edit the Go code of an exercise, then let `workshop check <id>` run it with the right `go test` flags, read the benchmarks, profiles and traces it makes, and tell you which goals are met.
cli-arg-root = The workshop root (default: the nearest directory upward holding workshop.yaml)
cli-arg-color = When to use colours
cli-arg-lang = The language of messages: en or ja (default: from the locale, LC_ALL, LC_MESSAGES or LANG; else English)

cli-list-about = List the exercises in curriculum order, with your progress
cli-list-arg-json = Print a JSON document instead of text

cli-check-about = Run an exercise's tests and benchmarks and judge its goals
cli-check-long-about =
    Run an exercise's tests and benchmarks and judge its goals.

    Exit status: 0 when every goal is met, 1 when any is not, 2 when the check could not run (bad manifest, Go missing or too old, unknown exercise).
cli-check-arg-id = The exercise, e.g. heap/01-concat (see `workshop list`), or its directory; without it, the exercise whose directory you are in
cli-check-arg-json = Print a JSON document instead of text
cli-check-arg-fresh = Build the starter again for goals relative to it, instead of reusing its test binary from an earlier check (its runs are always made anew)

cli-hint-about = Show the next hint of an exercise: each call reveals one more
cli-hint-long-about =
    Show the next hint of an exercise: each call reveals one more.

    Hints go from a nudge, to where to look, to the approach. `--all` shows again every hint revealed so far.
cli-hint-arg-id = The exercise, e.g. heap/01-concat, or its directory; without it, the exercise whose directory you are in
cli-hint-arg-all = Show every hint revealed so far instead of revealing a new one
cli-hint-arg-json = Print a JSON document instead of text

cli-reset-about = Put the starter code of an exercise back, after saving yours
cli-reset-long-about =
    Put the starter code of an exercise back, after saving yours.

    Your current files are first copied to .workshop/backups/<id>/<time>/; `workshop restore <id>` brings them back.
cli-reset-arg-id = The exercise, e.g. heap/01-concat

cli-restore-about = Bring back your code from a backup made by `reset` (the latest by default)
cli-restore-arg-id = The exercise, e.g. heap/01-concat
cli-restore-arg-from = The backup to restore (a directory name from --list)
cli-restore-arg-list = List the backups instead

cli-diff-about = Show your changes to an exercise, against its starter code
cli-diff-arg-id = The exercise, e.g. heap/01-concat, or its directory; without it, the exercise whose directory you are in
cli-diff-arg-solution = Show how your files differ from the reference solution (instead of your changes to the starter)

cli-watch-about = Check an exercise again every time you save one of its .go files
cli-watch-long-about =
    Check an exercise again every time you save one of its .go files.

    Starts with the given exercise (default: the first one not done) and moves on to the next when every goal is met. Keys: h hint, l list, c check again, q quit.
cli-watch-arg-id = The exercise to start with

cli-next-about = Name the first exercise that is not done yet
cli-next-arg-check = Also check it
cli-next-arg-json = Print a JSON document instead of text

cli-verify-about = For instructors: prove that every goal fails on the starter and is met by the solution
cli-verify-long-about =
    For instructors: prove that every goal fails on the starter and is met by the solution.

    Each exercise is checked on temporary copies: as shipped, where every goal must fail (unless the goal says `starter: met`), and with its reference solution applied, where every goal must be met. Each goal's values on both sides and its margin from the bound are shown; a margin too thin for a busy room is a warning. The workshop's own files are never modified, but for the starter sums (checks/<id>/starter.sums) an exercise lacks, recorded from the working tree. Exit status 0 only if every exercise behaves.
cli-verify-arg-ids = Exercises to verify (default: all)
cli-verify-arg-jobs = How many checks to run at once
cli-verify-arg-json = Print a JSON document instead of text
cli-verify-arg-junit = Also write a JUnit XML report (one test case per exercise and side) for CI systems
cli-verify-arg-repeat = Check each side N times, and say which goals ever changed their verdict
cli-verify-arg-load = Keep K threads busy meanwhile, as a crowded room would (stopped afterwards)
cli-verify-arg-strict = Count margin warnings as failures

cli-inspect-about = Summarise a Go execution trace or pprof profile
cli-inspect-long-about =
    Summarise a Go execution trace or pprof profile.

    Works on any trace written by `go test -trace`, `runtime/trace` or a flight recorder snapshot (Go 1.22 to 1.27), and on any profile `go test` or `runtime/pprof` writes (CPU, heap, allocs, block, mutex, goroutine), inside or outside a workshop.
cli-inspect-arg-file = The trace or profile file, or an http:// URL to fetch one from (such as http://127.0.0.1:6060/debug/pprof/profile?seconds=5)
cli-inspect-arg-json = Print as a JSON document
cli-inspect-arg-save = With a URL: keep what it answered in this file
cli-inspect-arg-dump = Trace: print every event in order, in the text format of `go tool trace -d=parsed`
cli-inspect-arg-goroutines = Trace: list every goroutine with its creation, start function and time by state
cli-inspect-arg-tasks = Trace: list every task with its goroutines, regions and logs
cli-inspect-arg-regions = Trace: list every region
cli-inspect-arg-top = Profile: how many functions to list (0 for all)
cli-inspect-arg-sample = Profile: the sample type to show (e.g. cpu, alloc_space, inuse_space, delay)
cli-inspect-arg-cum = Profile: sort by cumulative value instead of flat
cli-inspect-arg-focus = Profile: only samples with a function matching this regular expression
cli-inspect-arg-flamegraph = Profile: also write an SVG flame graph

cli-compare-about = Compare two saved benchmark outputs, the way benchstat does
cli-compare-long-about =
    Compare two saved benchmark outputs, the way benchstat does.

    For each unit: every benchmark's median ± its 95% interval on both sides and the change, with the Mann-Whitney p-value; `~` when the difference is not significant (p ≥ 0.05). Run benchmarks with -count 10 or more.
cli-compare-arg-old = The baseline output (`go test -bench ... -count 10 > old.txt`)
cli-compare-arg-new = The output to compare with it
cli-compare-arg-json = Print a JSON document instead of text

cli-completions-about = Print a shell completion script (bash, zsh, fish, elvish, powershell)

cli-doctor-about = Check that this machine is ready: Go and its version, the build cache, graphviz
cli-doctor-arg-json = Print a JSON document instead of text

# The headings of `inspect`'s options (`help_heading`), by their English name.
cli-heading-traces = Traces
cli-heading-profiles = Profiles

# Clap's own words: the headings it writes, the help and version flags and
# the `help` subcommand it adds.
cli-heading-usage = Usage
cli-heading-commands = Commands
cli-heading-arguments = Arguments
cli-heading-options = Options
cli-flag-help = Print help
cli-flag-help-more = Print help (see more with '--help')
cli-flag-help-summary = Print help (see a summary with '-h')
cli-flag-version = Print version
cli-help-about = Print this message or the help of the given subcommand(s)
cli-help-arg-subcommand = Print help for the subcommand(s)

## Protected files: `workshop restore --tests`

cli-restore-arg-tests = Put back only the workshop's tests and test data (the files checks always take from the workshop), after saving yours
# Starter sums
cli-verify-arg-record-starter = Record the starter sums (checks/<id>/starter.sums) again where the starter changed on purpose
# workshop inspect --base and --list
cli-inspect-arg-base = Profile: show what changed since this base profile, as `go tool pprof -diff_base` does (the flame graph is then differential)
cli-inspect-arg-list = Profile: flat and cum per source line of the functions matching this regular expression, beside their source, as `go tool pprof -list` does

# workshop open: Go's viewers on a check's profiles and traces
open-nothing = the last check of { $id } left no profile or trace: run `workshop check { $id }` first
open-choose = the last check left several: choose one with { $choices }
open-unknown-profile = no profile is called { $name }; the last check left { $choices }
open-no-such = the last check left nothing for { $what }; it left { $choices }
open-no-starter = the starter's profile of { $id } is not kept yet: run `workshop check { $id }` once, then try again
open-no-port = no free port was found on 127.0.0.1
open-viewer-ended = the viewer stopped before it answered:
    { $output }
open-viewer-slow = the viewer did not answer within { $seconds } s
open-starting = opening { $path }…
open-serving = the viewer is at { $url }
open-in-container = this runs in a container: the viewer listens on its own 127.0.0.1. Forward port { $port } to reach it (your editor's port forwarding, or `ssh -L { $port }:127.0.0.1:{ $port } <host>` from your machine).
open-no-browser = no browser was opened: open the address above in yours.
open-stop = Ctrl-C stops the viewer.
cli-open-about = Open Go's own viewer on a profile or trace of the last check
cli-open-long-about =
    Open Go's own viewer on a profile or trace of the last check.

    Runs `go tool pprof -http` (or `go tool trace`) on a free port of 127.0.0.1, prints its address and opens a browser when there is one. `--diff` shows the profile against the starter's. Ctrl-C stops it.
cli-open-arg-id = The exercise, e.g. cpu/01-regexp, or its directory; without it, the exercise whose directory you are in
cli-open-arg-profile = Which profile, when the check wrote several: cpu, heap (or memory), block, mutex, goroutine
cli-open-arg-trace = Open the check's execution trace (`go tool trace`)
cli-open-arg-diff = Show the profile as a change from the starter's (`-diff_base`)
cli-open-arg-no-browser = Print the address only; do not open a browser

# workshop list --history
cli-list-arg-history = How each goal's measured value moved over the exercise's last checks
# Trace timeline
cli-inspect-arg-timeline = Trace: also write an SVG timeline (a lane per P, GC and stop-the-world, tasks, regions, goroutine count)
cli-inspect-arg-from = Trace: the timeline starts this long after the trace's start (e.g. 120ms)
cli-inspect-arg-to = Trace: the timeline ends this long after the trace's start (e.g. 180ms)

# inspect --normalize
cli-inspect-arg-normalize = Profile: with --base, scale the profile to the base's total first (as `go tool pprof -normalize`), so that runs of different lengths compare by share
# Profiler labels (pprof.Do)
cli-inspect-arg-tags = Profile: the profiler labels (pprof.Do) and their shares, as `go tool pprof -tags` prints them, instead of the functions
cli-inspect-arg-tagfocus = Profile: only samples whose labels match, as `go tool pprof -tagfocus`: `[KEY=]REGEX[,REGEX...]` or a numeric range (`32kb`, `1kb:64kb`)
cli-inspect-arg-tagignore = Profile: leave out samples whose labels match, as `go tool pprof -tagignore`
