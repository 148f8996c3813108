# Messages of goals-trace (English): the trace goal kinds, the trace reader
# and the profile reader. Names are passed quoted as the code shows them
# (`"request"`); patterns as `display::pattern` shows them.

## What the trace kinds share

trace-no-trace = run `{ $run }` wrote no trace
trace-no-iterations = run `{ $run }` reported no benchmark iterations
trace-duration-not-percentile = `{ $at }` is no percentile (expected p50, p90, p99 or max)
trace-duration-not-duration = `{ $at_most }` is not a duration (expected something like 20ms or 1.5s)
# A `duration:` bound at the longest (the other bounds are `p90`...).
trace-durations-longest = longest
# An inventory of what a trace holds, when it holds nothing.
trace-inventory-none = none
trace-inventory-unnamed = (unnamed) ({ $count })
trace-found-tasks = found tasks: { $tasks }
trace-found-regions = found regions: { $regions }
# What was measured, its value and the bound.
trace-is-want = { $subject } is { $value }, want { $bound }
# What a bound is about, in "`at-most: -1` cannot be right: <what> is 0 or more".
trace-what-share = a share
trace-what-time = a time
trace-what-gc-cycles = a number of GC cycles
trace-what-gc-cycles-per-op = GC cycles per op
trace-what-heap-size = a heap size
trace-what-goroutines = a number of goroutines
trace-what-goroutines-per-op = goroutines per op
trace-what-logs = a number of logs
trace-what-regions = a number of regions
trace-what-tasks = a number of tasks

## trace-blocked

trace-blocked-share-per-op = a share is already relative; `per-op` applies to times, without `share`
trace-blocked-subject = time blocked in { $reason }
trace-blocked-explanation = the exercise's goroutines were blocked in { $reason } for { $time }
# Go's blocking reasons with their times: `chan send 1.2ms, select 3µs`.
trace-blocked-by-reason = blocked time by reason: { $reasons }

## trace-gc

trace-gc-cycles = GC cycles
trace-gc-pause-total = stop-the-world pauses, in all
trace-gc-pause-max = the longest stop-the-world pause
trace-gc-mark-assist = time spent assisting the GC
trace-gc-peak-heap = peak heap in use
trace-gc-per-op = { $subject } per op
trace-gc-per-op-adds-up = `per-op` applies to cycles, pause-total and mark-assist: a longest pause or a peak heap does not add up over ops
trace-gc-no-iterations = run `{ $run }` reported no benchmark iterations to divide by
trace-gc-evidence = { $cycles ->
        [one] { $cycles } GC cycle
       *[other] { $cycles } GC cycles
    } over { $time } of trace ({ $ops } ops); { $pauses } stop-the-world pauses, { $pause_total } in all, the longest { $pause_max }; { $assist } assisting the GC; peak heap { $heap }

## trace-goroutines

trace-goroutines-created = goroutines created by the exercise
trace-goroutines-created-per-op = goroutines created by the exercise per op
trace-goroutines-max-live = goroutines live at once, at most
trace-goroutines-created-by = goroutines created by { $pattern }
trace-goroutines-created-by-per-op = goroutines created by { $pattern } per op
trace-goroutines-max-live-of = goroutines of { $pattern } live at once, at most
trace-goroutines-created-at = { $count } goroutines created at { $place }
trace-goroutines-peak-at = the most were live { $time } into the trace

## trace-leaks

trace-leaks-subject = goroutines of the exercise alive at the end
trace-leaks-explanation = { $count ->
        [one] { $count } goroutine
       *[other] { $count } goroutines
    } created by the exercise never ended
# Go's blocking reason, then the runtime function it waits in: ` (runtime.chansend1)`.
trace-leaks-blocked-in = blocked in { $reason }{ $entry }
# Where they were created, how they ended (`blocked in chan send`, or Go's
# state name), and where.
trace-leaks-evidence = { $count ->
        [one] { $count } goroutine
       *[other] { $count } goroutines
    } created at { $created } { $state } at { $place }

## trace-logs

trace-logs-subject = logs of category { $category }
trace-logs-explanation = { $count } logs of category { $category }, want { $bound }
trace-logs-found = found log categories: { $categories }

## trace-regions

trace-regions-subject = regions named { $name }
trace-regions-subject-in-task = regions named { $name } in every task { $task }
trace-regions-count = { $count } regions named { $name }, want { $bound }
trace-regions-no-task = the trace has no task named { $task }
trace-regions-tasks-without = tasks named { $task } without a region { $name }
trace-regions-tasks-without-count = { $without } of { $total } tasks named { $task } have no region { $name }
trace-regions-outside = regions named { $name } outside a region { $parent }
trace-regions-outside-count = { $count } regions { $name } are not inside a region { $parent }
# `at`: p90 (any percentile), or the word for the longest.
trace-regions-duration = { $at } duration of regions named { $name }
trace-regions-takes = the { $at } region { $name } takes { $took }, more than { $limit }

## trace-tasks

trace-tasks-subject = tasks named { $name }
trace-tasks-count = { $count } tasks named { $name }, want { $bound }
# `expected` is the name as written, unquoted.
trace-tasks-found-expected = found tasks: { $tasks }; expected: { $expected }
trace-tasks-background-regions = regions in no task (the background task): { $regions }
trace-tasks-fewest-goroutines = goroutines in each task { $name }, fewest
trace-tasks-thin = { $thin } of { $total } tasks touched fewer than { $at_least } goroutines
# `goroutines`: their ids, as Go sets print them (`{1, 2}`).
trace-tasks-touched = task { $task } touched { $count ->
        [one] goroutine
       *[other] goroutines
    } { $goroutines }: a goroutine belongs to a task when it begins or ends it, or runs a region or logs with the task's context
trace-tasks-not-ended = tasks named { $name } not ended
trace-tasks-never-ended = { $open } of { $total } tasks never ended (call End on each task)
trace-tasks-duration = { $at } duration of tasks named { $name }
trace-tasks-takes = the { $at } task { $name } takes { $took }, more than { $limit }

## flight-recorder

flight-needs-go = a flight-recorder goal needs `go: "1.25"` or later for this exercise
flight-subject = flight-recorder snapshot
flight-run-not-made = run `{ $run }` was not made
flight-not-written = no snapshot was written (the test hands the code a writer that saves to the path in ${ $variable })
flight-expected-file = expected a file at { $path }
flight-unreadable = the snapshot is not a readable execution trace: { $why }
# The snapshot's problems, joined by "; " after "the snapshot".
flight-problems = the snapshot { $problems }
flight-old-format = the snapshot's format is { $format }; flight recording needs Go 1.25 or later
flight-tasks-subject = tasks named { $task } in the snapshot
flight-no-task = it holds no task named { $task }
flight-regions-subject = regions named { $region } in the snapshot
flight-no-region = it holds no region named { $region }
flight-too-big = it is { $size }, more than the { $limit } allowed (set MaxBytes on the recorder)
