# Messages of goals-measure (English).

## Against the starter (bench-relative, profile and load goals with at-least-times)

versus-no-starter = the starter could not be measured: its package has no test files
versus-subject = { $subject } vs the starter
versus-positive-ratio = expected a positive ratio, like 2 for twice as fast
versus-none-left-time = none left of the starter (∞× faster)
versus-none-left-amount = none left of the starter's (∞× less)
versus-none-left-rate = none left of the starter's (∞× higher)
versus-infinitely-slower = infinitely slower than the starter
versus-infinitely-more = infinitely more than the starter's
versus-infinitely-lower = infinitely lower than the starter's

## bench-metric

bench-metric-not-a-benchmark = `{ $name }` is not a benchmark name (expected BenchmarkXxx)
bench-metric-empty-metric = the metric is empty
bench-metric-needs-benchmem = { $metric } needs `benchmem: true` on run `{ $run }`
bench-metric-no-output = run `{ $run }` produced no benchmark output
bench-metric-not-run = { $benchmark } did not run
bench-metric-no-results = no benchmark reported a result
bench-metric-ran = benchmarks that ran: { $benchmarks }
bench-metric-no-values = { $benchmark } reported no { $metric } values
bench-metric-units = units reported: { $units }
bench-metric-median-of = median of { $runs } runs: { $values }
# An unmet bound: "1999 allocs/op is 999.5× the limit of 2".
bench-metric-times-the-limit = { $measured } { $unit } is { $times }× the limit of { $limit }
bench-metric-over-the-limit = { $measured } { $unit }, the limit is { $limit }
bench-metric-below-the-required = { $measured } { $unit } is below the required { $limit }
bench-metric-not-exactly = { $measured } { $unit }, the goal is exactly { $limit }

## bench-relative

bench-relative-no-values = { $benchmark } reported no { $metric } on one side
bench-relative-medians = starter median { $starter }, yours { $mine }; { $runs } runs each
bench-relative-medians-p = starter median { $starter }, yours { $mine }; { $runs } runs each, p={ $p }
bench-relative-more-repeats = for a clearer answer, run more repeats (a larger `count` for the run) and close other busy programs

## endpoint

endpoint-not-a-method = `{ $method }` is not an HTTP method (expected GET, HEAD, POST, ...)
endpoint-not-a-status = `{ $status }` is not an HTTP status (expected 100 to 599)
endpoint-not-served-with = `served: false` says the URL answers nothing; `{ $key }` would be about an answer
# In the goal's bound column, for a URL that must not answer.
endpoint-want-not-served = not served
endpoint-no-server = run `{ $run }` did not reach its server
endpoint-answered = { $method } { $url } answered { $status } ({ $size })
endpoint-answered-not-text = { $method } { $url } answered { $status } ({ $size }): not text
# With the first line of the body.
endpoint-answered-text = { $method } { $url } answered { $status } ({ $size }): { $text }
endpoint-served = { $url } is served (status { $status }); it must not be
endpoint-no-answer = { $url } answers nothing; want status { $want }
endpoint-wrong-status = { $url } answers status { $status }; want { $want }
endpoint-missing-text = the answer of { $url } does not contain { $text }

## What the load goals share

load-not-a-percentile = `{ $text }` is no percentile (expected p50, p90, p99 or max)
load-errors-out-of-range = `{ $key }: { $value }` cannot be right: a share of requests is a percentage from 0 to 100
load-no-request = run `{ $run }` measured no request
load-round-no-request = a round of run `{ $run }` measured no request
load-no-round = no round was measured
# Latency and throughput are not judged on a server that fails its requests;
# failures are like `503 ×12, connection reset ×3`.
load-server-fails = { $failed } of { $requests } requests to the server failed ({ $failures }): how fast a failing server answers says nothing
load-your-server-fails = { $failed } of { $requests } requests to your server failed ({ $failures }): how fast a failing server answers says nothing

## load-errors

# What a bound of the goal is, in "`at-most: 120` cannot be right: ... is a percentage from 0 to 100".
load-errors-share = a share of requests
load-errors-subject = failed requests
load-errors-failed = { $failed } of { $requests } requests failed ({ $failures })

## load-latency

load-latency-not-a-duration = `{ $text }` is not a duration (expected something like 20ms or 1.5s)
load-latency-both-bounds = give either `at-most` (a duration) or `at-least-times` (against the starter), not both
load-latency-no-bound = expected a bound: `at-most: 20ms`, or `at-least-times: 2` against the starter
# `at` is p90, p99, max...
load-latency-subject = { $at } latency
load-latency-over = { $at } latency is { $latency }, want at most { $limit }
load-latency-per-round = { $at } per round: starter { $starter }; yours { $mine }
load-latency-medians = starter median { $starter }, yours { $mine }; { $rounds } rounds each, p={ $p }
load-latency-last-round = your last round: { $round }
load-latency-more-rounds = for a clearer answer, make more rounds (`rounds` of the run's load) and close other busy programs

## load-throughput

load-throughput-open-loop = run `{ $run }` sends at a fixed `rate`, so its throughput is that rate whatever the server does; measure throughput with a closed loop (no `rate`)
# What a bound of the goal is, in "`at-least: -1` cannot be right: ... is 0 or more".
load-throughput-rate = a rate of requests
load-throughput-positive-ratio = expected a positive ratio, like 2 for twice the starter's
load-throughput-no-bound = expected one bound: `at-least` (requests per second) or `at-least-times` (against the starter)
load-throughput-subject = throughput
load-throughput-under = the server answers { $rate } requests/s, want at least { $limit }
load-throughput-per-round = requests/s per round: starter { $starter }; yours { $mine }; p={ $p }

## What the profile goals share

profile-none-written = run `{ $run }` wrote no { $profile } profile
profile-no-sample-type = the { $profile } profile has no sample type `{ $sample }` (it has { $types })
profile-too-few-samples = the { $profile } profile holds { $samples } samples, fewer than the { $needed } needed to judge
profile-run-longer = run the benchmark longer (a larger -benchtime) so the profiler can take more samples
profile-no-iterations = run `{ $run }` reported no benchmark iterations to divide by
profile-no-amounts = the alternating runs gave no { $sample } amounts to compare
# One side's median and range: "120ms (from 100ms to 150ms)".
profile-median-range = { $median } (from { $low } to { $high })
profile-medians = medians: the starter's { $starter }, yours { $mine }; { $runs } alternating runs each, p={ $p }
profile-starter-shows-nothing = the starter showed no { $sample } in most of its runs, so there is nothing to compare with
profile-check-again = check again, with fewer other programs running
# Over a short `pprof -top`.
profile-top-functions = top functions ({ $sample } of { $total }):
profile-hottest-paths = hottest paths into { $pattern }:
profile-unknown-sample = the { $profile } profile has no sample type `{ $sample }` (expected one of: { $expected })
profile-unknown-sample-did-you-mean = the { $profile } profile has no sample type `{ $sample }`; did you mean `{ $best }`? (expected one of: { $expected })
profile-both-bounds = give either `at-least-times` (relative to the starter) or `at-most`/`at-least`, not both
profile-positive-times = expected a positive number of times

## profile-function

profile-function-share-per-op = a share is already relative; `per-op` applies to flat and cum amounts
# What a bound of the goal is, in "`at-most: 120` cannot be right: ... is a percentage from 0 to 100".
profile-function-share = a share
profile-function-amount = an amount of a profile
# What is measured of the functions (pprof's flat and cum).
profile-function-flat = flat
profile-function-cum = cum
profile-function-flat-share = flat share
profile-function-cum-share = cum share
# "cpu cum share of /regexp/".
profile-function-subject = { $sample } { $measure } of { $pattern }
profile-function-none-matching = no function matching { $pattern } in your profile
profile-function-holds = functions matching { $pattern } hold { $amount } ({ $measure })

## profile-total

# What a bound of the goal is, in "`at-most: -1` cannot be right: ... is 0 or more".
profile-total-a-total = a profile's total
# "mutex profile total delay per op".
profile-total-subject = { $profile } profile total { $sample }
profile-total-subject-per-op = { $profile } profile total { $sample } per op
profile-total-comes-to = the { $profile } profile's { $sample } comes to { $amount }

## Reading a goal

goal-read-not-a-mapping = { $path }: expected a goal: a mapping with `id`, `kind` and the keys of its kind
goal-read-no-kind = { $path }: missing field `kind`

## Numbers that say what the test found: relative results in words, and bench-not-slower

# The result of a rank test that cannot tell the two sides apart, said before
# anything else; `cell` stands in the goal's line in place of a ratio.
versus-no-difference = no significant difference from the starter (p={ $p })
versus-no-difference-cell = no significant difference (p={ $p })
# How the attendee's median compares with the starter's: a percentage below 2×
# (`form` percent), a number of times from 2× on (`form` times). Faster and
# slower compare times, higher and lower rates, less and more anything else.
versus-is-faster = { $form ->
    [percent] { $value }%
   *[times] { $value }×
} faster than the starter
versus-is-slower = { $form ->
    [percent] { $value }%
   *[times] { $value }×
} slower than the starter
versus-is-less = { $form ->
    [percent] { $value }%
   *[times] { $value }×
} less than the starter's
versus-is-more = { $form ->
    [percent] { $value }%
   *[times] { $value }×
} more than the starter's
versus-is-higher = { $form ->
    [percent] { $value }%
   *[times] { $value }×
} higher than the starter's
versus-is-lower = { $form ->
    [percent] { $value }%
   *[times] { $value }×
} lower than the starter's
versus-is-same-time = the same as the starter
versus-is-same-amount = the same as the starter's
# What a goal asks, in "the goal is ...": better by so much, or worse by no more.
versus-wants-faster = { $form ->
    [percent] { $value }%
   *[times] { $value }×
} faster
versus-wants-less = { $form ->
    [percent] { $value }%
   *[times] { $value }×
} less
versus-wants-higher = { $form ->
    [percent] { $value }%
   *[times] { $value }×
} higher
versus-wants-at-most-slower = at most { $form ->
    [percent] { $value }%
   *[times] { $value }×
} slower
versus-wants-at-most-more = at most { $form ->
    [percent] { $value }%
   *[times] { $value }×
} more
versus-wants-at-most-lower = at most { $form ->
    [percent] { $value }%
   *[times] { $value }×
} lower
# `what` is what was compared: `ns/op`, `p90 latency`, `your delay`, `throughput`.
versus-short = { $what } is { $ratio }; the goal is { $goal }
versus-not-told-apart = { $lead }: these runs cannot tell { $what } from the starter's; the goal is { $goal }
versus-maybe-noise = { $lead }: { $what } is { $ratio } in the medians, which would meet the goal, but these runs cannot tell it from noise
versus-with-note = { $text } ({ $note })
versus-too-few-runs = with { $count } runs per side no difference can be significant
versus-too-few-rounds = with { $count } rounds per side no difference can be significant
# What a profile goal compares: "your delay".
profile-your-sample = your { $sample }
bench-not-slower-exact-metric = { $metric } does not vary from run to run: bound it with a `bench-metric` goal
bench-not-slower-not-a-percentage = expected a percentage such as `10%` (how much slower than the starter is allowed)
bench-not-slower-starter-met = the starter meets a `bench-not-slower` goal (it is as fast as itself): say `starter: met` in the goal
# Evidence: "starter median 1.2ms/op, yours 1.25ms/op: 1.04× the starter's, at most 1.1× allowed; 6 runs each, one-sided p=0.003".
bench-not-slower-medians = starter median { $starter }, yours { $mine }: { $ratio } the starter's, at most { $bound } allowed; { $runs } runs each, one-sided p={ $p }
bench-not-slower-unshown = these runs cannot show that { $what } is { $goal } than the starter (one-sided p={ $p } ≥ { $alpha }); in the medians it is { $ratio }
bench-not-slower-too-few = with { $runs } runs per side the test cannot show that { $what } is { $goal } than the starter: give the run a `count` of { $needed } or more
# A goal of 1× (`at-least-times: 1`): not worse than the starter.
versus-wants-as-fast = at least as fast
versus-wants-no-more = no more than the starter's
versus-wants-no-lower = no lower than the starter's

# Goals on the compiler's decisions (compiler-escape, compiler-inline, compiler-bounds)
compiler-place-function = functions matching { $pattern }
compiler-place-near = the lines of { $file } matching { $pattern }
compiler-not-measured = the compiler's decisions were not asked for in this check
compiler-not-whole = the compiler's output could not be read whole, so nothing of it counts: { $why }
compiler-place-matches-nothing = { $place } match nothing the compiler compiled (its functions: { $top })
compiler-escape-what = values on the heap
compiler-escape-subject = values on the heap in { $place }
compiler-escape-holds = the compiler puts { $count ->
        [one] one value
       *[other] { $count } values
    } in { $place } on the heap
compiler-bounds-what = bounds checks
compiler-bounds-subject = bounds checks kept in { $place }
compiler-bounds-holds = the compiler keeps { $count ->
        [one] one bounds check
       *[other] { $count } bounds checks
    } in { $place }
compiler-inline-subject-can = { $place } that cannot be inlined
compiler-inline-subject-cannot = { $place } that can be inlined
compiler-inline-cannot = the compiler cannot inline { $count } of the { $place }
compiler-inline-can = the compiler can inline { $count } of the { $place }
compiler-inline-subject-call = calls to { $call } inlined in { $place }
compiler-call-not-inlined = no call to { $call } is inlined in { $place }
compiler-call-inlined = { $count ->
        [one] one call
       *[other] { $count } calls
    } to { $call } inlined in { $place }
compiler-call-unknown = { $call } names no function the compiler knows in this package (its functions: { $top })
compiler-file-plain = `{ $file }` is not a Go file of the exercise's package: give its name alone, such as `parse.go`
compiler-line-zero = lines are counted from 1
compiler-line-or-near = give the line, by `line:` (its number) or `near:` (a pattern over its text), not both
compiler-place = say where the goal looks: `function:` (a pattern over function names), or `file:` with `line:` or `near:`
compiler-inlinable-function = `inlinable:` is about functions: give them by `function:`
compiler-inlined-needs-call = `inlined:` is about a call: give the called function by `call:`
compiler-inline-one-of = give `inlinable:` (the functions can be inlined) or `call:` (the call is inlined), one of the two
# Goroutine-leak profile (Go 1.27+)
profile-goroutineleak-needs-go = the goroutineleak profile exists in Go 1.27 and newer, and this goal would be judged with Go { $found }: give the goal `go: "{ $go }"` (an older Go then skips it)
profile-goroutineleak-absolute = the { $profile } profile takes an absolute bound (at-most: 0 for no leaked goroutine), not at-least-times
profile-leaked-goroutines = { $count ->
        [one] { $count } leaked goroutine
       *[other] { $count } leaked goroutines
    } running { $function }, blocked in { $blocked }
profile-leaked-more = … and { $count } more stacks
# Profiler labels (pprof.Do): tagfocus/tagignore keys and the profile-label goal
goal-tag-bad = `{ $key }` cannot be used: { $error }
goal-tag-range = `{ $key }: { $filter }` reads as a numeric range to go tool pprof, which matches numeric labels only; Go writes those in memory profiles only (`bytes`), so in a { $profile } profile it matches nothing. Write the value as a regular expression that is not only a number (`^7$`)
goal-tag-filters = samples judged: those { $filters } keeps
profile-label-which-profile = Go writes pprof.Do labels in CPU and goroutine profiles; a { $profile } profile has none to judge
profile-label-empty-key = `key` names the label, such as `endpoint`
profile-label-cannot-fail = a share is always within 0% to 100%: this bound cannot fail
profile-label-subject = { $profile } profile { $sample } carried by label { $label }
profile-label-none = no sample of the { $profile } profile carries a profiler label: wrap the work in `pprof.Do(ctx, pprof.Labels(…), …)` so that samples carry { $label }
profile-label-holds = samples with { $label } carry { $amount }, { $share } of the profile
profile-label-table = labels of the profile, as go tool pprof -tags shows them:
# build-pgo: the exercise's command built with profile-guided optimisation.
build-pgo-subject = the build's CPU profile (PGO)
build-pgo-want = one that covers { $pattern }
build-pgo-min-samples-zero = expected at least 1 sample: a profile without samples of the hot code guides nothing
build-pgo-not-built = the program was not built in this check, so its build cannot be judged
build-pgo-no-program = `go build` made no program of { $package }: PGO takes `default.pgo` from the directory of a main package, and this package is not one
build-pgo-no-build-info = `go version -m` could not read the program's build information: { $words }
build-pgo-no-profile = the program was built without a profile: its build information (`go version -m`, { $go }) has no -pgo setting
# Evidence: "built by go1.26.8 with -pgo=exercises/pgo/01-profile/default.pgo".
build-pgo-built-with = built by { $go } with -pgo={ $path }
build-pgo-empty = the profile { $path } is empty (0 bytes): the compiler then has nothing to go by
build-pgo-damaged = the profile { $path } cannot be read: { $why }
build-pgo-not-cpu = { $path } is not a CPU profile: its sample types are { $types }
build-pgo-no-samples = the CPU profile { $path } holds no samples
build-pgo-uncovered = { $covered } of the profile's { $total } CPU samples are in { $pattern }; at least { $min } are needed for the compiler to see that code as hot
# Evidence: "the profile holds 312 CPU samples, 305 of them (97.76%) in main.Count".
build-pgo-covers = the profile holds { $total } CPU samples, { $covered } of them ({ $share }) in { $functions }
build-pgo-this-profile = this check's CPU profile of your code: { $path } (copy it to { $target })
