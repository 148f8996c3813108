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
flight-unreadable = the snapshot is not a whole execution trace, so it meets no goal: { $why }
# The snapshot's problems, joined by "; " after "the snapshot".
flight-problems = the snapshot { $problems }
flight-old-format = the snapshot's format is { $format }; flight recording needs Go 1.25 or later
flight-tasks-subject = tasks named { $task } in the snapshot
flight-no-task = it holds no task named { $task }
flight-regions-subject = regions named { $region } in the snapshot
flight-no-region = it holds no region named { $region }
flight-too-big = it is { $size }, more than the { $limit } allowed (set MaxBytes on the recorder)

## The profile reader: why a profile cannot be read

pprof-error-io = cannot read the profile
pprof-error-gzip = the gzip stream is damaged or cut short: { $why }
pprof-error-too-large = it decompresses to more than { $gib } GiB
pprof-error-not-profile = not a pprof profile: { $why }
pprof-error-invalid = invalid profile: { $why }
pprof-error-no-decode = the protobuf does not decode at byte { $at }: { $why }
pprof-error-no-decode-uncompressed = the protobuf does not decode at byte { $at } (uncompressed): { $why }
pprof-error-not-utf8 = a string of the string table is not UTF-8
# `field`: the protobuf field (`Profile.sample`); `wire`: its wire type (`varint`).
pprof-error-wrong-wire-type = { $field } has the wrong wire type ({ $wire })
# A part of the profile, then what is wrong with it (in the protobuf decoder's words).
pprof-error-part = { $part }: { $why }
pprof-error-in-sample = a sample: { $why }
pprof-error-large-ids = the samples name more than { $limit } location ids of { $limit } or more
pprof-error-first-string = its string table does not start with the empty string
pprof-error-no-sample-types = it declares no sample types
pprof-error-string-index = { $part } refers to string { $index }, past the { $count } strings of the table
pprof-error-function-id-zero = a function has id 0
pprof-error-function-twice = function id { $id } is defined twice
pprof-error-location-id-zero = a location has id 0
pprof-error-location-function = location { $location } names function { $function }, which is not defined
pprof-error-location-twice = location id { $id } is defined twice
pprof-error-sample-width = sample { $sample } has { $count } values for { $width } sample types
pprof-error-sample-location = sample { $sample } names location { $location }, which is not defined
pprof-error-too-many-frames = its stacks hold more than { $limit } frames
pprof-error-too-many-locations = the samples name more than { $limit } locations
# The parts of a profile that errors name.
pprof-part-sample-type = a sample type
pprof-part-mapping = a mapping
pprof-part-location = a location
pprof-part-function = a function
pprof-part-period-type = the period type
pprof-part-sample-label = a sample's label
pprof-part-default-sample-type = the default sample type
pprof-part-function-name = a function's name
pprof-part-function-system-name = a function's system name

## The trace reader: why a trace cannot be read

trace-error-io = cannot read the trace
trace-error-not-a-trace = not a Go execution trace: { $why }
trace-error-unsupported = unsupported trace version { $version }
trace-error-malformed = at byte { $offset }: { $what }
trace-error-broken = broken trace (generation { $generation }): { $what }
# `found`: the header's text, quoted.
trace-error-no-header = expected the header `go 1.N trace` at byte 0, found { $found }
trace-error-version-too-old = { $version } (traces from Go 1.21 and older use a format this reader does not read; the formats of Go 1.22 to 1.26 are read, and Go 1.27 writes 1.26's)
trace-error-version-unknown = { $version } (the formats of Go 1.22 to 1.26 are read, and Go 1.27 writes 1.26's)
# `what`: a part of the trace (trace-field-...).
trace-error-file-ends-at = the file ends where { $what } was expected (truncated?)
trace-error-varint-overflows = { $what } is a varint that overflows 64 bits
trace-error-varint-too-long = { $what } is a varint longer than 10 bytes
trace-error-cut-short = { $what } of { $len } bytes is cut short after { $read } bytes (truncated?)
trace-error-not-a-batch = expected the start of a batch, found event type { $typ } ({ $name })
trace-error-batch-too-big = batch size { $size } exceeds the format's maximum of { $max } bytes
trace-error-batch-ends-at = the batch ends where { $what } was expected
trace-error-broken-varint = expected { $what } (a varint), found a broken or cut-off one
trace-error-past-batch = { $what } of { $len } bytes runs past the end of its batch ({ $left } bytes left)
trace-error-not-a-string = expected a String event in a strings batch, found { $found }
trace-error-string-too-long = string length { $len } exceeds the format's maximum of { $max }
trace-error-string-id-reserved = string id 0 is reserved in generation { $generation }
trace-error-string-id-twice = string id { $id } is defined twice in generation { $generation }
trace-error-not-a-stack = expected a Stack event in a stacks batch, found { $found }
trace-error-stack-too-deep = stack of { $count } frames exceeds the format's maximum of { $max }
trace-error-stack-id-reserved = stack id 0 is reserved in generation { $generation }
trace-error-stack-id-twice = stack id { $id } is defined twice in generation { $generation }
trace-error-not-a-cpu-sample = expected a CPUSample event, found { $found }
trace-error-second-frequency = a second Frequency event in generation { $generation }
trace-error-zero-frequency = the frequency is zero ticks per second
trace-error-second-clock = a second ClockSnapshot event in generation { $generation }
trace-error-not-a-sync = expected a Frequency or ClockSnapshot event in a sync batch, found { $found }
trace-error-no-frequency = no Frequency event: timestamps cannot be converted to time
trace-error-no-clock = no ClockSnapshot event (every Go 1.25+ generation has one)
trace-error-stack-function-string = stack { $stack } names function string { $string }, which the string table lacks
trace-error-stack-file-string = stack { $stack } names file string { $string }, which the string table lacks
trace-error-ends-inside-generation = the file ends inside generation { $generation } (expected more batches and an EndOfGeneration marker; truncated?)
trace-error-lone-end-marker = an EndOfGeneration marker with no generation before it
trace-error-generation-zero = generation number 0 is reserved
trace-error-interleaved = a batch of generation { $batch } inside generation { $generation } (missing EndOfGeneration marker, or interleaved generations)
trace-error-early-end-marker = an EndOfGeneration marker in a { $version } trace (it appears only in Go 1.26+)
trace-error-out-of-order = a batch of generation { $batch } inside generation { $generation } (generations out of order)
trace-error-no-generation = events without a generation
trace-error-events-missing = no thread has events left, yet events are missing
trace-error-advanced-nothing = an event advanced but produced nothing
trace-error-thread-waits = thread { $thread } waits with { $event } at { $time }ns (args { $args })
# `waiting`: each thread's next event; `state`: the goroutines' and procs' statuses.
trace-error-stuck = no thread's next event can happen: { $waiting }; { $state }
trace-error-event-on-thread = { $event } at { $time }ns on thread { $thread }: { $what }
trace-error-not-timed = expected a timed event in a { $version } trace, found { $found }
trace-error-arguments-broken = { $event } event's arguments are cut off or broken

# The parts of a trace that errors name.
trace-field-strings-marker = the Strings marker
trace-field-string-event = a String event
trace-field-string-id = the string's id
trace-field-string-length = the string's length
trace-field-string = a string
trace-field-stacks-marker = the Stacks marker
trace-field-stack-event = a Stack event
trace-field-stack-id = the stack's id
trace-field-stack-frame-count = the stack's frame count
trace-field-frame-pc = a frame's PC
trace-field-frame-function = a frame's function name
trace-field-frame-file = a frame's file name
trace-field-frame-line = a frame's line
trace-field-cpu-samples-marker = the CPUSamples marker
trace-field-cpu-sample-event = a CPUSample event
trace-field-sample-timestamp = the sample's timestamp
trace-field-sample-thread = the sample's thread
trace-field-sample-proc = the sample's proc
trace-field-sample-goroutine = the sample's goroutine
trace-field-sample-stack = the sample's stack
trace-field-sync-marker = the Sync marker
trace-field-sync-event = a Frequency or ClockSnapshot event
trace-field-frequency = the frequency
trace-field-snapshot-delta = the snapshot's time delta
trace-field-monotonic-clock = the monotonic clock
trace-field-wall-seconds = the wall clock's seconds
trace-field-wall-nanoseconds = the wall clock's nanoseconds
trace-field-experiment-id = the experiment id
trace-field-batch-generation = the batch's generation
trace-field-batch-thread = the batch's thread id
trace-field-batch-timestamp = the batch's timestamp
trace-field-batch-size = the batch's size
trace-field-batch = a batch
# Where a goroutine was created or waits, when the trace does not say.
trace-unknown-place = an unknown place

## The trace reader: events out of order or inconsistent with the runtime's state
# They follow "<event> at <time>ns on thread <thread>: ". Event names (`ProcStop`,
# `GoBlock`...) are Go's; ids and statuses are numbers as the trace has them.
# `range`: the event that begins a range (`STWBegin`, `GCSweepBegin`...).
trace-order-range-begins-twice = { $range } begins while one is already in progress
trace-order-range-active-twice = { $range } is marked active twice in the first generation
trace-order-range-never-began = { $range } is marked active, but it never began
trace-order-range-end-alone = { $end } without a { $begin } before it
# What the event's context (thread, proc, goroutine) must or must not hold.
trace-order-no-thread = expected a thread but there was none
trace-order-no-proc = expected a proc but there was none
trace-order-no-goroutine = expected a goroutine but there was none
trace-order-unexpected-thread = expected no thread but there was one
trace-order-unexpected-proc = expected no proc but there was one
trace-order-unexpected-goroutine = expected no goroutine but there was one
# After "no thread's next event can happen: ...; ". `goroutines`: `G1=2 G7=4`
# (goroutine id=status); `procs`: `P0=1 P1=0`.
trace-order-statuses = goroutine statuses { $goroutines }; proc statuses { $procs }
trace-order-not-a-thread-event = { $event } cannot appear among a thread's events
trace-order-proc-invalid-status = proc { $proc } has an invalid status { $status }
trace-order-proc-status-differs = proc { $proc } is reported with status { $status }, but it was { $was }
trace-order-proc-unheld = no thread holds proc { $proc }, which is about to be stolen
trace-order-proc-missing = { $event } for proc { $proc } that does not exist
trace-order-proc-not-running = { $event } for proc { $proc } that is not running
trace-order-proc-never-seen = { $event } on proc { $proc } that was never seen
trace-order-proc-for-never-seen = { $event } for proc { $proc } that was never seen
trace-order-proc-not-in-syscall = { $event } on proc { $proc } that is not in a syscall
trace-order-proc-sequence = { $event } on proc { $proc } with sequence number { $seq } after { $previous }
# `held`: the proc the thread holds.
trace-order-steal-from-itself = thread { $thread } steals proc { $proc } from itself, but holds proc { $held }
trace-order-steal-from-unknown = proc { $proc } is stolen from thread { $thread }, which never appeared
trace-order-steal-from-other = proc { $proc } is stolen from thread { $thread }, which holds proc { $held }
trace-order-goroutine-invalid-status = goroutine { $goroutine } has an invalid status { $status }
trace-order-goroutine-status-differs = goroutine { $goroutine } is reported with status { $status }, but it was { $was }
trace-order-goroutine-status-late = status of goroutine { $goroutine }, never seen before, after the first generation
trace-order-syscall-without-thread = goroutine { $goroutine } is in a syscall without a thread
# `running`: the goroutine the thread runs.
trace-order-syscall-thread-busy = goroutine { $goroutine } is in a syscall on thread { $thread }, which runs goroutine { $running }
trace-order-goroutine-missing = { $event } for goroutine { $goroutine } that does not exist
trace-order-goroutine-not-running = { $event } for goroutine { $goroutine } that is not running
trace-order-goroutine-not-in-syscall = { $event } for goroutine { $goroutine } that is not in a syscall
trace-order-goroutine-never-seen = { $event } on goroutine { $goroutine } that was never seen
trace-order-goroutine-for-never-seen = { $event } for goroutine { $goroutine } that was never seen
trace-order-creator-not-running = { $event } by goroutine { $goroutine } that is not running
trace-order-goroutine-exists = goroutine { $goroutine } is created, but it already exists
trace-order-goroutine-exists-syscall = goroutine { $goroutine } is created in a syscall, but it already exists
trace-order-task-twice = task { $task } begins while a task with that id is active
trace-order-task-name = task { $task } names string { $string }, which the string table lacks
trace-order-region-name = region names string { $string }, which the string table lacks
trace-order-region-goroutine = region on goroutine { $goroutine } that was never seen
# `region`, `open`: the regions' names, quoted.
trace-order-region-mismatch = region { $region } of task { $task } ends on goroutine { $goroutine } while region { $open } of task { $open_task } is the innermost open one
trace-order-gc-active-late = GCActive in the first generation after other GC events
trace-order-gc-active-idle = GCActive while no GC is in progress
trace-order-gc-begin-twice = GCBegin while a GC is already in progress
trace-order-gc-end-idle = GCEnd while no GC is in progress
trace-order-gc-end-unknown = GCEnd before the GC state is known

## The profile reader: protobuf's wire format broken
pprof-wire-varint-overflows = a varint overflows 64 bits
pprof-wire-varint-too-long = a varint is longer than 10 bytes
pprof-wire-varint-cut-short = a varint is cut short
pprof-wire-unknown-wire-type = a field has wire type 6 or 7, which protobuf does not have
pprof-wire-field-zero = a field has number 0
pprof-wire-field-too-large = a field number is larger than 2^29
pprof-wire-past-message = a field runs past the end of its message
pprof-wire-past-profile = a field runs past the end of the profile
pprof-wire-groups-too-deep = groups nest more than { $depth } deep
pprof-wire-group-unstarted = a group ends that did not start

## Whole artifacts, creation stacks and name patterns

# `header`: the second trace's header, `go 1.26 trace`.
trace-error-second-trace = at byte { $offset }: a second trace begins here (`{ $header }`): the file holds more than one trace, written one after the other
trace-error-no-generation-at-all = the file ends after its header, before any event (cut short?)
pprof-error-trailing = { $count } bytes follow the end of the compressed profile: the file holds more than one whole profile
# `why`: the reader's words.
trace-not-whole = the trace of run `{ $run }` is not whole, so it meets no goal: { $why }
profile-not-whole = the { $profile } profile of run `{ $run }` is not whole, so it meets no goal: { $why }
artifact-kept-at = the file is kept at { $path } (`workshop inspect` shows what of it can be read)
flight-two-traces = the snapshot holds more than one trace (a second one begins at byte { $offset }): WriteTo was called more than once on the same writer, and each call writes a whole trace of its own; write one snapshot per file
trace-error-generation-empty = the generation holds no event but its clock (cut short after its first batch?)
# `matched`: what `created-by` matched, as trace-origin-frame or trace-origin-runs say it.
trace-goroutines-created-at-matched = { $count } goroutines created at { $place }, where `created-by` matched { $matched }
trace-origin-frame = { $function } at { $file }:{ $line } in their creation stack
trace-origin-runs = the function they run, { $function }
# An inventory of many names: how many, and the most frequent few with their counts.
trace-inventory-some = { $count } names, e.g. { $names }
trace-names-both = give either `name` (one name) or `name-matches` (a pattern over names), not both
trace-names-missing = give `name` (one name) or `name-matches` (a pattern over names)
# `pattern` between slashes, `names` an inventory.
trace-names-matched = { $pattern } matched { $names }

## A snapshot that holds the whole run

flight-tasks-at-most-needs-task = `tasks-at-most` counts the tasks named by `task`: give `task` too
flight-too-many-tasks = holds { $count } tasks named { $task }, more than the { $limit } allowed: a flight recorder's snapshot keeps the recent past up to the moment it is written, so written when the slow request happens it cannot hold the requests that came after; a trace of the whole run, or a snapshot written at its end, holds them all

## Profile bombs: what a decoded profile may hold

pprof-error-over-budget = the profile holds more than this reader takes (a real profile holds far less; the file may be built to exhaust memory): { $why }
pprof-budget-samples = more than { $limit } samples (Profile.sample)
pprof-budget-values = more than { $limit } values in all its samples (Sample.value)
pprof-budget-frames = more than { $limit } location ids in all its samples (Sample.location_id)
pprof-budget-sample-types = more than { $limit } sample types (Profile.sample_type)
pprof-budget-sample-values = a sample with more than { $limit } values (Sample.value)
pprof-budget-locations = more than { $limit } locations (Profile.location)
pprof-budget-lines = more than { $limit } lines in all its locations (Location.line)
pprof-budget-functions = more than { $limit } functions (Profile.function)
pprof-budget-strings = more than { $limit } strings (Profile.string_table)
pprof-budget-table-bytes = more than { $limit } bytes in all its strings (Profile.string_table)
pprof-budget-string-bytes = a string of more than { $limit } bytes (Profile.string_table)
pprof-budget-field = a { $field } entry of more than { $limit } bytes
# Profiler labels (pprof.Do): the decoder and tag filters
pprof-budget-labels = more than { $limit } labels in all its samples (Sample.label)
pprof-tag-bad-regex = `{ $pattern }` is not a valid regular expression: { $error }
goregex-rust-only = `{ $pattern }` uses `{ $syntax }`, which Go's regexp (and so go tool pprof) does not accept
goregex-repeat = `{ $pattern }` repeats { $repeat } times, more than Go's regexp (and so go tool pprof) accepts ({ $limit })
pprof-tag-number = the number { $number } is too large for a numeric range
