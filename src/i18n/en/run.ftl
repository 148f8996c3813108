# Messages of run (English).

## Why a check could not run (src/run)

run-go-too-old = exercise `{ $exercise }` needs Go { $needed } or newer, but `go` is { $found }; install a newer Go (see `workshop doctor`)
run-no-tests = the package { $path } has no test files (expected *_test.go with the exercise's tests and benchmarks)
run-profile-unreadable = the { $kind } profile of run `{ $run }` cannot be read ({ $path })
run-trace-unreadable = the trace of run `{ $run }` cannot be read ({ $path })
run-cannot-prepare = cannot prepare { $path }

## Steps of a check, as the spinner and messages name them

run-step-build = build
run-step-tests = tests
run-step-build-server = build server
run-step-benchmarks = benchmark run `{ $run }`
run-step-profile = { $kind } profile run `{ $run }`
run-step-trace = traced run `{ $run }`
run-step-snapshot = flight-recorder run `{ $run }`
run-step-baseline = run `{ $run }` against the starter
run-step-profile-pairs = { $kind } profile run `{ $run }`, alternating with the starter
run-step-endpoints = endpoints of run `{ $run }`
run-step-load = load on run `{ $run }`
run-step-load-pairs = load on run `{ $run }`, alternating with the starter

## Why the goals could not be judged

run-step-failed = { $what } failed
run-the-tests = the tests
run-tests-fail = the functional tests fail
run-vet-problems = { $count ->
    [one] go vet reports 1 problem (go test runs it before any test)
   *[other] go vet reports { $count } problems (go test runs it before any test)
}
run-compile-errors = { $count ->
    [one] the code does not compile (1 error)
   *[other] the code does not compile ({ $count } errors)
}
run-hang-interrupted = { $what } stopped by Ctrl-C; this is where the code was
run-hang-deadlock = { $what } deadlocked: every goroutine is blocked
run-hang-timeout = { $what } did not finish in time
# Which side's output a failed benchmark shows: (starter) ..., (yours) ...
run-which-starter = starter
run-which-yours = yours

## Servers of serve runs

run-server-mine = the server
run-server-starter = the starter's server
run-server-not-built = { $server } was not built: `go build` made no binary of ./{ $main }
run-server-compile-errors = { $count ->
    [one] { $server } does not compile (1 error)
   *[other] { $server } does not compile ({ $count } errors)
}
run-server-port-taken = a port chosen for { $server } was taken before it could listen on it; it was started again on others
run-server-exited-early = { $server } exited before it was ready ({ $exit })
run-server-not-ready = { $server } did not answer { $url } within { $within } ({ $last })
run-server-no-answer = no answer
run-server-last-status = its last answer was status { $status }
run-server-killed = { $server } did not stop within { $grace } of SIGTERM; its process group was killed (a server should shut down when told: http.Server.Shutdown on SIGTERM)
run-server-exited-under-load = { $server } exited during the load ({ $exit })
run-load-did-not-end = the load on { $server } did not end within { $timeout } (the run's timeout)
run-server-gave-nothing = { $server } gave no { $what }: { $error }
run-server-not-pprof = { $server } answers { $url } with status { $status } instead of a { $what } (is net/http/pprof mounted there? the run's `collect.pprof` says where)
run-server-printed-nothing = (it printed nothing)
run-fetched-profile = { $kind } profile
run-fetched-trace = trace
run-profile-recorded-nothing = the { $kind } profile of run `{ $run }` recorded nothing: a server records { $kind } events only after it calls { $call }
run-no-load = run `{ $run }` sends no load
run-cannot-load = cannot load { $url }: { $why }

## HTTP: the client, URLs, the load generator (src/http)

http-refused = connection refused
http-reset = connection reset
http-timeout = timed out
http-closed = connection closed before the answer ended
http-malformed = not an HTTP answer: { $why }
http-too-large = the answer is larger than { $limit } bytes
http-head-unended = a header block without end
http-head-cut = the answer ends inside its headers
http-chunk-size-unended = a chunk size line without end
http-chunk-size-bad = a bad chunk size
http-chunk-unended = a chunk without its line end
# Kinds of failed requests, as a round counts them: `connection reset ×3`.
http-kind-refused = connection refused
http-kind-reset = connection reset
http-kind-timeout = timeout
http-kind-closed = connection closed
http-kind-malformed = malformed answer
http-kind-too-large = answer too large
http-kind-io = i/o error
http-unexpected-status = unexpected status ×{ $count }
http-url-scheme = `{ $url }` is not an http:// URL (https is not spoken here: pprof endpoints are plain HTTP)
http-url-no-host = `{ $url }` has no host
http-url-port = `{ $url }` has a bad port (expected a number from 1 to 65535)
http-url-resolve = cannot find the address of `{ $host }`
http-placeholder-unclosed = `{ $text }` opens a `{"{"}` that it does not close
http-placeholder-bad = `{"{"}{ $name }{"}"}` is not a placeholder (expected {"{"}port{"}"} or a named port like {"{"}admin-port{"}"})
# A round of load: `2,000 requests in 1.0s (1,998/s answered as expected; 4 connections)`,
# then its latencies and its failures.
http-round-closed = { $requests } requests in { $elapsed } ({ $answered }/s answered as expected; { $connections } connections)
http-round-open = { $requests } requests in { $elapsed } ({ $answered }/s answered as expected; open loop at { $rate }/s over { $connections } connections)
http-round-latency = : p50 { $p50 }, p90 { $p90 }, p99 { $p99 }, max { $max }
http-round-failed = ; failed: { $failures }

## The go command and other processes (src/exec)

exec-go-not-found = the `go` command was not found on PATH; install Go { $minimum } or newer from the Go downloads page, or put its bin directory on PATH
exec-cannot-start = cannot start { $program }
exec-cannot-write = cannot write { $path }
exec-go-env-failed = `go env` failed: { $output }
exec-go-env-format = cannot read the output of `go env`: expected JSON with GOVERSION, GOOS, GOARCH and GOCACHE
exec-go-timeout = `go { $step }` did not finish within { $timeout }
exec-interrupted = interrupted
exec-bad-go-version = `{ $text }` is not a Go version (expected something like 1.25 or 1.25.3)
# How a server ended.
exec-exit-status = exit status { $code }
exec-killed-by = killed by { $signal }
exec-killed-by-signal = killed by signal { $signal }
exec-ended = ended
