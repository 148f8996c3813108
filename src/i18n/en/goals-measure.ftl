# Messages of goals-measure (English).

## Against the starter (bench-relative, profile and load goals with at-least-times)

versus-no-starter = the starter could not be measured: its package has no test files
versus-subject = { $subject } vs the starter
versus-positive-ratio = expected a positive ratio, like 2 for twice as fast
# How the attendee's median compares with the starter's. Time is faster or
# slower, rates higher or lower, everything else (bytes, delay) less or more.
versus-faster = { $times }× faster than the starter
versus-slower = { $times }× slower than the starter
versus-less = { $times }× less than the starter's
versus-more = { $times }× more than the starter's
versus-higher = { $times }× higher than the starter's
versus-lower = { $times }× lower than the starter's
versus-same-time = about the same as the starter
versus-same-amount = about the same as the starter's
versus-none-left-time = none left of the starter (∞× faster)
versus-none-left-amount = none left of the starter's (∞× less)
versus-none-left-rate = none left of the starter's (∞× higher)
versus-infinitely-slower = infinitely slower than the starter
versus-infinitely-more = infinitely more than the starter's
versus-infinitely-lower = infinitely lower than the starter's
# The ratio a goal asks for.
versus-goal-faster = { $times }× faster
versus-goal-less = { $times }× less
versus-goal-higher = { $times }× higher

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
bench-relative-short = { $metric } is { $ratio }; the goal is { $goal }
bench-relative-not-significant = { $metric } is { $ratio }, but the difference is not significant (p={ $p } ≥ { $alpha })
bench-relative-too-few-runs = { $metric } is { $ratio }, but the difference is not significant (p={ $p } ≥ { $alpha }) (with { $runs } runs per side no difference can be significant)
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
load-latency-short = { $at } latency is { $ratio }; the goal is { $goal }
load-latency-not-significant = { $at } latency is { $ratio }, but the difference is not significant (p={ $p } ≥ { $alpha })
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
load-throughput-short = throughput is { $ratio }; the goal is { $goal }
load-throughput-not-significant = throughput is { $ratio }, but the difference is not significant (p={ $p } ≥ { $alpha })

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
profile-short = your { $sample } is { $ratio } (medians); the goal is at least { $goal }
profile-not-significant = your { $sample } is { $ratio } (medians), but the difference is not significant (p={ $p } ≥ { $alpha })
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
