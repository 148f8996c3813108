# The runner's messages in English. Every key here is also in ja.ftl (a test
# fails otherwise). Values come formatted: numbers with their units, places as
# file:line, names as written; `count`-like values are numbers, for plurals.

## Shared words

label-note = note:
label-hint = hint:
label-warning = warning:
label-error = error:
label-fix = fix:
label-next = next:
want = want { $bound }
read-page = read { $page }
goroutine-count = { $count ->
    [one] 1 goroutine
   *[other] { $count } goroutines
}
earlier-lines = … { $count } earlier lines

## workshop check

check-failed = the check failed
check-not-judged = goals not judged
goals-met = { $met } of { $total } goals met
check-took = { $summary } in { $time }
server-log = its output: { $path }
hang-stopped-after = stopped after { $time } (the run's timeout)
hang-running = running: { $test }
hang-none-in-exercise = no goroutine was inside the exercise's code; the output ends with:
hang-busy = { $state } (busy, not blocked)
hang-blocked-in = blocked in { $state }
hang-at = at { $place }
hang-created-at = created at { $place }
hang-others = ({ $count } more goroutines outside the exercise's code)
# What was measured, then the check file's explanation of the goal.
explanation-then-explain = { $measured }. { $explain }

## workshop verify

verify-progress = {"{"}spinner{"}"} verifying [{"{"}bar:24{"}"}] {"{"}pos{"}"}/{"{"}len{"}"} checks {"{"}elapsed{"}"}  {"{"}wide_msg{"}"}
verify-exercise = exercise
verify-starter = starter (must fail)
verify-solution = solution (must pass)
verify-time = time
verify-side-starter = Starter
verify-side-solution = Solution
verify-ok = OK
verify-failed = FAILED
verify-behave = { $ok } of { $total } exercises behave
verify-margin-warnings = { $count ->
    [one] ; 1 margin warning
   *[other] ; { $count } margin warnings
}
verify-flipped = { $count ->
    [one] ; 1 goal changed verdict between rounds
   *[other] ; { $count } goals changed verdict between rounds
}
verify-met-on-purpose = {" "}(met on purpose)
verify-margin = margin { $times }×
verify-changed = changed between rounds
verify-could-not-run = could not run
verify-side-failed = failed
verify-not-run = not run

## workshop list, next

next-read-then-check-or-watch = read { $page }, then run `workshop check { $id }` or `workshop watch { $id }`
next-read-then-check = read { $page }, then run `workshop check { $id }`
next-check = run `workshop check { $id }`
all-done = all { $count } exercises are done.
progress-done = done
progress-in-progress = in progress
progress-not-started = not started
list-next-marker = ← next
list-done = { $done } of { $total } exercises done
list-text-starts = the workshop text starts at { $page }

## workshop watch

watch-checking = checking { $id } …
watch-moving-on = read { $page }; watching it now
watch-changed = { $name } changed
watch-keys = watching { $id }: save a .go file to check again · h hint · l list · c check · q quit

## workshop hint, reset, restore, diff

hints-none = { $id } has no hints.
hints-none-revealed = No hints revealed yet for { $id }: `workshop hint { $id }` shows the first.
hint-label = Hint { $number } of { $total }:
hints-last = That was the last hint. `workshop diff { $id } --solution` shows the reference solution.
hints-press-h = Press h again for the next one.
hints-next = `workshop hint { $id }` reveals the next one.
reset-done = { $id } is back to its starter code
    {"  "}your files are saved in { $saved }
    {"  "}`workshop restore { $id }` brings them back
restored-from = { $id } restored from { $from }
restored-saved = the files it replaced are saved in { $saved }
backups-none = no backups of { $id } yet
backups-heading = backups of { $id } (oldest first):
diff-solution-changes-nothing = the reference solution of { $id } changes nothing (a broken exercise?)
diff-yours-are-the-solution = your files of { $id } are the reference solution's
diff-no-changes = no changes to { $id } yet

## The spinner of a check

spinner-step = checking { $id }: { $step }
spinner-progress = checking { $id }: { $step } ({ $done }/{ $total })
spinner-long = { $step }: still running after { $time }; Ctrl-C shows where the code is
spinner-long-usually = { $step }: still running after { $time } (it took { $usual } last time); Ctrl-C shows where the code is

## workshop inspect: traces

inspect-trace-header = Go execution trace, format { $format }, { $generations ->
    [one] 1 generation
   *[other] { $generations } generations
}, { $events } events over { $time }
inspect-damaged = the trace is damaged; these facts cover what came before: { $error }
inspect-goroutines = goroutines
inspect-goroutines-seen = { $seen } seen ({ $created } created, { $ended } ended, { $alive } alive at the end); at most { $live } live at once
inspect-gc = { $cycles ->
    [one] 1 cycle
   *[other] { $cycles } cycles
}; { $pauses ->
    [one] 1 stop-the-world pause
   *[other] { $pauses } stop-the-world pauses
} ({ $total } in all, longest { $longest })
inspect-heap = heap
inspect-heap-line = at most { $heap } in use; GOMAXPROCS up to { $procs }
inspect-cpu-samples = CPU samples
inspect-tasks = tasks
inspect-regions = regions
inspect-logs = logs
inspect-no-category = (no category)
inspect-none = none
inspect-unnamed = (unnamed)
inspect-span-times = {" "}(mean { $mean }, max { $max })
inspect-span-open = {" "}[{ $open } not ended]
inspect-present-before = present before the trace
inspect-created-at = created at { $place }
inspect-waiting = waiting ({ $why })
inspect-alive-heading = { $count ->
    [one] 1 goroutine alive when the trace stopped:
   *[other] { $count } goroutines alive when the trace stopped:
}
inspect-alive-line = { $created }, { $state } at { $at }
inspect-goroutines-shown = {" "}({ $shown } of { $seen }: every one alive at the end and the first to end)
inspect-at-end = at end
inspect-start-created = start function / created at
inspect-ended = ended
inspect-not-ended = not ended
inspect-in-all = … ({ $count } in all)
inspect-task-line = parent { $parent } { $time }  goroutines [{ $goroutines }]  { $regions } regions, { $logs } logs
inspect-first-of = {" "}(the first { $shown } of { $total })
inspect-before = before
inspect-task = task { $id }

## workshop inspect: profiles

profile-header = { $kind } profile
profile-header-long = { $kind } profile, { $time } long
profile-samples = { $count ->
    [one] 1 sample
   *[other] { $count } samples
}
profile-stacks = { $count ->
    [one] 1 stack
   *[other] { $count } stacks
}
profile-counted = { $header }, { $counted }
profile-sample-types = sample types: { $types }
profile-total-focused = total { $total } { $name }; { $focused } ({ $percent }) in samples through /{ $focus }/
profile-total = total { $total } { $name }
profile-more = ({ $count } more functions; --top 0 shows all)
profile-few-samples = fewer than 50 samples; at 100 Hz a CPU profile needs about a second of work to say much
verify-untranslated = { $file }: `{ $field }` has no text in { $lang }; English is shown instead
verify-untranslated-count = { $count ->
    [one] ; 1 text without a translation
   *[other] ; { $count } texts without a translation
}
lang-name = { $lang ->
    [ja] Japanese (ja)
   *[en] English (en)
}

## workshop compare

compare-need-more = {" "}(run the benchmarks with -count 10 or more)

## Protected files: the attendee's tests and test data that a check did not use

check-protected-edited = your { $files } { $count ->
        [one] differs
       *[other] differ
    } from the workshop's; the check ran the workshop's — `workshop restore { $id } --tests` puts { $count ->
        [one] it
       *[other] them
    } back
check-protected-deleted = your { $files } { $count ->
        [one] is
       *[other] are
    } missing; the check ran the workshop's — `workshop restore { $id } --tests` puts { $count ->
        [one] it
       *[other] them
    } back
tests-restored = the workshop's { $files } { $count ->
        [one] is
       *[other] are
    } back in { $id }
    {"  "}your files are saved in { $saved }
    {"  "}`workshop restore { $id }` brings them back
tests-already-restored = the tests and test data of { $id } are the workshop's already: nothing to put back

# output too long to keep whole
output-cut = the output was { $total } ({ $dropped } left out); the first { $head } and the last { $tail } are kept in { $path }

# Reset and restore as transactions.
backup-undone = `workshop { $operation } { $id }` was stopped midway last time; it has been undone, and your files are as they were before it

# Flame graphs: titled by what they measure, with a named root.
flamegraph-title = { $what } ({ $kind } profile)
flamegraph-root = all { $what }
flamegraph-cpu = CPU time
flamegraph-samples = samples
flamegraph-alloc-space = bytes allocated
flamegraph-alloc-objects = objects allocated
flamegraph-inuse-space = bytes in use
flamegraph-inuse-objects = objects in use
flamegraph-contentions = waits
flamegraph-delay = time spent waiting
flamegraph-goroutines = goroutines

# `list`: an exercise done once that fails now, or was reset since.
progress-done-failing = done once, failing now
progress-done-reset = done once, reset since
# The spinner follows the attendee: a slow step counts up live, a wait for another check is said.
spinner-long-stopped-at = { $step }: still running after { $time }, stopped at { $timeout }; Ctrl-C shows where the code is
spinner-long-usually-stopped-at = { $step }: still running after { $time } (it took { $usual } last time), stopped at { $timeout }; Ctrl-C shows where the code is
spinner-waiting = waiting for another check of { $id }
# Lists the runner joins: between the items of a list, between clauses.
list-separator = {", "}
clause-separator = {"; "}

# The solution's reasoning, kept out of the exercise's page.
hints-reasoning = How the reference solution reasons: { $page }

# workshop inspect --base and --list
profile-diff-header = { $header } against { $base }
profile-diff-totals = total { $current } { $name }, { $base } in the base: { $change }
profile-diff-shown = showing functions accounting for { $shown }, { $percent } of { $total } total (percentages are of the base's total)
profile-diff-none = no function differs
profile-list-total = Total: { $total }
profile-list-routine = ROUTINE ======================== { $function } in { $file }
profile-list-sums = { $flat } { $cum } (flat, cum) { $percent } of Total
profile-list-no-source = No source information for { $function }
profile-list-not-found = Error: could not find file { $path } on path { $searched }
profile-list-cannot-open = Error: open { $path }: no such file or directory
flamegraph-diff-title = { $what } ({ $kind } profile), against the base: red grew, blue shrank
# What changed since the starter, under a profile goal
check-since-starter = since the starter ({ $measure } share of { $sample }, points):

# workshop open, told after a failed goal on a profile or trace
check-open-hint = look at the profile or trace in Go's viewer: `{ $command }`

# workshop list --history
history-none = no check of { $id } is recorded yet
history-checks = the last { $count } checks, oldest first: { $verdicts }
# Trace timeline: pictures over time in `inspect`, and the SVG of `--timeline`.
inspect-over-time = over time
inspect-series-axis = { $span } in all, { $column } a column
inspect-series-live = live
inspect-series-running = running
inspect-series-range = { $min }–{ $max }
inspect-series-gc = marking { $share }% of the time
timeline-title = { $path }: { $from } to { $to } of { $span }
timeline-goroutines = goroutines
timeline-gc = GC
timeline-stw = stop the world
timeline-proc = P{ $id }
timeline-task = task { $name }
timeline-region = region { $name }
timeline-legend = each P's lane is coloured by the function its goroutine was started with (the key above names those that ran longest; the others are grey); paler where it ran only part of a pixel

# workshop open, told after a check whose profile goals are all met
check-open-diff-hint = see what changed since the starter in Go's viewer: `{ $command }`

# The key to the timeline's colours
timeline-started-with = started with
timeline-other = others

# inspect --base --normalize
profile-diff-normalized = (normalized: the profile's values scaled by { $scale } to the base's total, so that the rows compare shares)
# Goroutine-leak profile (Go 1.27+)
flamegraph-goroutines-leaked = leaked goroutines
# Go version gates in the list
list-needs-go = {" "}(skipped: needs Go { $go })
list-goals-need-go = {" "}({ $goals } { $count ->
        [one] needs
       *[other] need
    } Go { $go })
# Profiler labels (pprof.Do): inspect --tagfocus, --tagignore
profile-total-tag-filtered = total { $total } { $name }; { $kept } ({ $percent }) in the samples { $filters } keeps
