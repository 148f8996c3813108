# Messages of run (English).

## Why a check could not run (src/run)

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
http-head-cut = the answer ends inside its headers
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

## workshop verify (src/verify)

verify-cannot-make-temp = cannot create a temporary directory: { $error }
verify-cannot-resolve-temp = cannot resolve the temporary directory: { $error }
verify-cannot-create = cannot create { $path }: { $error }
verify-cannot-apply = cannot apply { $path }: { $error }
verify-starter-not-clean = the starter should run cleanly but: { $message }
verify-solution-not-clean = the solution should pass but: { $message }
verify-side-could-not-run = could not run: { $error }
verify-starter-fails-nothing = the starter fails no goal: the exercise asks for nothing
verify-goal-problems = goal `{ $id }`: { $problems }
verify-no-function-trace = /{ $pattern }/ matches no function in the starter's trace (goroutines there were created by: { $top })
verify-no-function-profile = /{ $pattern }/ matches no function in the starter's profile (its heaviest: { $top })
# How many rounds of several gave a verdict, added to the problems below.
verify-in-rounds = {" "}in { $n } of { $rounds } rounds
verify-met-by-starter = met by the starter{ $in_rounds }: the goal asks for nothing the starter lacks (if that is meant, say `starter: met` in the goal)
verify-not-met-by-starter = not met by the starter{ $in_rounds }, though the goal says `starter: met`
verify-inconclusive-on-starter = inconclusive on the starter{ $in_rounds }
verify-not-met-by-solution = not met by the solution{ $in_rounds }
verify-inconclusive-on-solution = inconclusive on the solution{ $in_rounds }
verify-bound-inside-starter = the bound { $bound } lies inside the starter's values ({ $lo }–{ $hi })
verify-bound-inside-solution = the bound { $bound } lies inside the solution's values ({ $lo }–{ $hi })
verify-margin-starter-worst = the starter's worst value is { $times }× from the bound; a busy machine can cross it (keep it { $safe }× away)
verify-margin-starter-closest = the starter's closest value is { $times }× from the bound; a busy machine can cross it (keep it { $safe }× away)
verify-margin-solution-worst = the solution's worst value is { $times }× from the bound; a busy machine can cross it (keep it { $safe }× away)
verify-margin-solution-closest = the solution's closest value is { $times }× from the bound; a busy machine can cross it (keep it { $safe }× away)

## workshop doctor (src/doctor.rs): what each finding is, what was found, how to fix it

doctor-for-this-workshop = this workshop
doctor-for-the-workshop = the workshop
doctor-go-install = install Go { $required } or newer and put `go` on PATH
doctor-go-ok = { $version } { $platform } (needs { $required }+ for { $why })
doctor-go-old = { $version } is older than { $required }, which { $why } needs
doctor-go-old-fix = install Go { $required } or newer (the flight recorder needs 1.25)
doctor-go-devel = { $version } is a development build; cannot tell if it is { $required }+
doctor-git-missing = `git` not found: reset, restore and diff take the starter from the copy saved at the first run instead of the checkout
doctor-git-fix = install git (apt install git, xcode-select --install on macOS, or git-scm.com)
doctor-dot-found = dot found
doctor-dot-missing = `dot` not found: `go tool pprof -http` and `-png` cannot draw call graphs (everything else works)
doctor-dot-fix = install graphviz (apt install graphviz, brew install graphviz, or graphviz.org)
doctor-race = race detector
doctor-race-cgo-off = cgo is off (CGO_ENABLED=0), and { $exercises } build with -race
doctor-race-cgo-off-fix = turn cgo on (go env -w CGO_ENABLED=1) and install a C compiler
doctor-race-ok = cgo with { $version }
doctor-race-no-compiler = `{ $compiler }` (the C compiler cgo uses) is not found, and { $exercises } build with -race
doctor-race-no-compiler-fix = install a C compiler (apt install gcc, xcode-select --install on macOS)
doctor-loopback = loopback ports
doctor-loopback-ok = 127.0.0.1:{ $port } could be taken, as { $exercises } need
doctor-loopback-fail = cannot listen on 127.0.0.1 ({ $error }), which { $exercises } need
doctor-loopback-fix = allow programs to listen on the loopback interface (a sandbox or firewall may forbid it)
doctor-cache = go build cache
doctor-cache-off = GOCACHE is off
doctor-cache-off-fix = unset GOCACHE or point it at a writable directory (go env -w GOCACHE=...)
doctor-cache-ok = { $path } is writable
doctor-cache-fail = { $path } is not writable: { $error }
doctor-cache-fail-fix = fix its permissions, or point GOCACHE at a writable directory (go env -w GOCACHE=...)

## Commands (src/commands, src/cli/inspect.rs, src/watch.rs)

cmd-progress-not-saved = could not save progress: { $error }
cmd-cannot-read = cannot read { $path }: { $error }
cmd-cannot-read-path = cannot read { $path }
cmd-cannot-write = cannot write { $path }: { $error }
cmd-no-benchmark-results = { $path } holds no benchmark results (expected lines like `BenchmarkSearch-8  1000  1234 ns/op`)
cmd-reset-nothing-to-do = { $id } already holds its starter code; nothing to do
# verify's progress bar: which side of which exercise is being checked.
cmd-verify-starter = Starter
cmd-verify-solution = Solution
cmd-verify-round = { $exercise } ({ $side }, round { $round } of { $rounds })
cmd-verify-side = { $exercise } ({ $side })
cmd-verify-step = { $exercise } ({ $side }): { $step }
cmd-verify-misbehaves = { $exercise } ({ $side }) does not behave
cmd-inspect-save-file = --save keeps what a URL answered; { $path } is a file already
cmd-inspect-neither = cannot read { $path }: not a Go execution trace (no `go 1.N trace` header) and not a pprof profile ({ $why })
cmd-inspect-no-sample-type = { $path } has no sample type `{ $name }` (it has: { $types })
cmd-inspect-profile-flags = --sample, --cum, --focus and --flamegraph apply to profiles; { $path } is an execution trace
cmd-inspect-trace-flags = --dump, --goroutines, --tasks, --regions, --timeline, --from and --to apply to execution traces; { $path } is not one
cmd-inspect-bad-focus = --focus is not a valid regular expression: { $error }
cmd-flamegraph-failed = cannot draw the flame graph: { $error }
cmd-flamegraph-written = flame graph written to { $path }
cmd-fetch-failed = the request to { $url } failed
cmd-cannot-fetch = cannot fetch { $error } (is the server running, with net/http/pprof at that address?)
cmd-fetch-status = { $url } answered status { $status }: { $first }
cmd-fetched-text = { $url } answered text, not a profile or a trace (it begins { $begins }); pprof's endpoints give profiles without `?debug=`: for example /debug/pprof/heap or /debug/pprof/profile?seconds=5
watch-cannot-watch = cannot watch { $path }

## Progress, files, starters and backups (src/state.rs, src/workspace.rs, src/starter.rs)

state-set-aside = { $path } could not be read and was moved to { $aside }; progress starts afresh
state-cannot-read = cannot read { $path }: { $error }
state-file-read = cannot read { $path }
state-file-write = cannot write { $path }
state-file-copy = cannot copy { $from } to { $to }
state-link-loop = a symbolic link loop
state-no-backup = no backup of { $id } yet (`workshop reset` makes one)
state-unknown-backup = no backup `{ $name }` of { $id } (see `workshop restore { $id } --list`)

## A module that asks for a newer Go

exec-go-mod-needs-newer = { $what } asks for Go { $needed } or newer, but `go` is { $running }; install Go { $needed } or newer (see `workshop doctor`), or, online, let go fetch it with GOTOOLCHAIN=auto
## Protected files: the workshop's copies of the files that measure an exercise

exec-overlay-relative = { $path } is not an absolute path, which the go command's overlay file needs
exec-overlay-not-utf8 = { $path } is not valid UTF-8, which the go command's overlay file needs
state-link-not-followed = { $link } is a symbolic link, which is not followed
verify-solution-protected = the solution changes { $files }, which { $count ->
        [one] is
       *[other] are
    } protected: checks always run the workshop's { $count ->
        [one] copy
       *[other] copies
    }, so the solution's would never be used (take { $count ->
        [one] it
       *[other] them
    } out of `solution:`)
## The starter, identified by its sums (src/starter/identify.rs, src/verify/sums.rs)

# Without sums, neither git nor a saved copy has the starter.
starter-none = no copy of the starter of { $id }: git does not have it, and no copy was saved before it was edited; to compare with the starter, the instructor records { $sums } (`workshop verify { $id }`), then the exercise's original files, put back in place, are recognised as the starter
# What differs in each copy tried: `differences` is made of the sums-changed,
# sums-missing and sums-extra messages.
starter-tried-head = the files committed at HEAD ({ $differences })
starter-tried-history = { $count ->
        [0] no commit changed the package
        [one] nor the one commit that changed the package
       *[other] nor any of the { $count } latest commits that changed the package
    }
starter-tried-saved = the copy in { $path } ({ $differences })
starter-tried-yours = your files in { $path } ({ $differences })
# `tried` lists the starter-tried-* messages.
starter-refused-reason = the starter of { $id } could not be identified, so nothing can be compared with it: no copy matches { $sums }: { $tried }
starter-remedy-git = tell the instructor: no commit of { $dir } holds the starter either, so { $id }'s recorded sums and its code disagree (a starter changed on purpose is recorded again with `workshop verify --record-starter { $id }`)
starter-remedy-copy = put the exercise's original files (from the workshop's archive or repository) in { $dir }, keeping your own elsewhere, and run `workshop check { $id }` once: the starter is then recognised and kept, and you can bring your files back
# The whole refusal, as commands that need the starter say it.
starter-refused = { $reason }; { $remedy }
# Beside the verdicts of a check that could not compare with the starter.
starter-refused-note = to compare with the starter, { $remedy }
starter-origin-head = the files committed at HEAD
starter-origin-saved = the copy in { $path }
# A note for the instructor, beside an attendee's verdicts: not alarming.
starter-unproven = for the instructor: { $id } has no { $sums } yet, so its starter ({ $origin }) is taken as it is, unproven; `workshop verify { $id }` records the sums
verify-sums-differ = the starter differs from { $file } ({ $differences }); if you changed it on purpose, record it again: `workshop verify --record-starter { $id }`
verify-sums-error = cannot check { $file }: { $error }
verify-sums-recorded = recorded { $file } — commit it
verify-sums-updated = recorded { $file } again for the changed starter — commit it
## Whole artifacts, creation stacks and name patterns

verify-no-function-solution-trace = /{ $pattern }/ matches no function in the solution's trace, though the solution's own code started { $missed } goroutines there: the goal is met without counting any of them (goroutines there were created by: { $top })

## A state file that cannot be set aside

state-too-many-aside = { $dir } already holds 1000 unreadable state files set aside this second

## The machine, not the code, stopped a build

exec-go-environment = go could not build, and not because of the code: { $line }; free space or make that place writable (see `workshop doctor`), then check again
## Limits on HTTP answers and the seconds a URL asks for

http-past-limit = the answer goes past a limit of workshop's: { $what } (is the server broken?)
http-header-line-long = a header line longer than { $limit }
http-headers-large = headers larger than { $limit } in all
http-headers-many = more than { $count } headers
http-chunk-line-long = a chunk-size line longer than { $limit }
http-extensions-large = chunk extensions larger than { $limit } in all
http-trailer-line-long = a trailer line longer than { $limit }
http-trailers-large = trailers larger than { $limit } in all
http-trailers-many = more than { $count } trailers
cmd-fetch-too-much = cannot fetch { $error }
cmd-fetch-seconds-absurd = `seconds={ $seconds }` in { $url } asks for longer than workshop waits for an answer (at most { $most } seconds, a day); ask for fewer seconds

# The fence around a workshop: no change below its root follows a link.
fence-link = { $link } is a symbolic link (to { $target }); `workshop` never follows links below the workshop's root, so that a repository cannot make it change files elsewhere: remove the link (or make it a real directory or file) and run again
fence-climbs = { $path } climbs out of the workshop with `..`
state-backup-damaged = the backup file { $path } differs from what the backup recorded when it was made; it is not restored (choose another with `--from`, see `--list`)
# Inputs that are not files
cmd-inspect-not-a-file = cannot read { $path }: not a regular file (a named pipe, a device or a directory); inspect reads a profile or trace file, or a URL
# workshop inspect --base and --list
cmd-inspect-bad-list = --list is not a valid regular expression: { $error }
cmd-inspect-base-no-type = the base profile { $path } has no sample type `{ $name }` (it has: { $types })
cmd-inspect-list-no-match = no function with samples in { $path } matches /{ $pattern }/

# The starter's artifacts, kept for looking
run-step-starter-artifact = the starter's side of { $what }, for comparing
# Trace timeline
cmd-timeline-written = timeline written to { $path }
cmd-timeline-range = --from { $from } is not before --to { $to } within the trace ({ $span } long)

# The compiler's decisions (goals compiler-escape, compiler-inline, compiler-bounds)
run-step-decisions = the compiler's decisions
verify-no-match-compiler = `{ $pattern }` matches nothing the compiler said of the starter (its functions: { $top })
# Go version gates: exercises and goals that need a newer Go
gate-exercise-needs-go = exercise `{ $exercise }` needs Go { $go } or newer, and `go` is { $found }: skipped, nothing was judged
gate-goal-needs-go = needs Go { $go } or newer (`go` is { $found }): skipped, neither met nor failed
gate-how-to-judge = To judge it, run `{ $command }` (the go command fetches that toolchain once, through the Go module proxy), or install Go { $go } or newer and put it first on PATH.
gate-summary-exercise = nothing judged: needs Go { $go }
gate-summary-goals = { $met } of { $total } goals met, judged without { $skipped ->
        [one] { $skipped } goal skipped
       *[other] { $skipped } goals skipped
    } (needs a newer Go)
verify-exercise-skipped = skipped: needs Go { $go } or newer (`go` is { $found })
verify-goal-skipped = skipped on both sides: needs Go { $go } or newer (`go` is { $found })
verify-skipped-count = { $exercises ->
        [0] {""}
        [one] ; { $exercises } exercise skipped
       *[other] ; { $exercises } exercises skipped
    }{ $goals ->
        [0] {""}
        [one] ; { $goals } goal skipped
       *[other] ; { $goals } goals skipped
    } (needs a newer Go; see `workshop doctor`)
doctor-newer-go = newer Go
doctor-newer-go-ok = { $version } judges all { $count ->
        [one] { $count } exercise or goal
       *[other] { $count } exercises and goals
    } that need more than the workshop's Go (up to { $go })
doctor-newer-go-left-out = { $version } leaves out { $what }: { $count ->
        [one] it is
       *[other] they are
    } skipped by check and verify, never failed
doctor-newer-go-fix = run `{ $command }` (the go command fetches that toolchain once, through the Go module proxy), or install Go { $go } or newer
# Goroutine-leak profile (Go 1.27+)
run-leak-own-testmain = the goroutine-leak profile is written by a TestMain that the check adds to the package's tests, and { $file } has its own TestMain: make that TestMain write `pprof.Lookup("goroutineleak")` after `m.Run` to the path in `${ $env }` (when it is set)
# Profiler labels (pprof.Do): inspect --tags, --tagfocus, --tagignore
cmd-inspect-bad-tag-filter = { $flag } cannot be used: { $error }
cmd-inspect-tag-range = { $flag }: read `{ $filter }` as a numeric range, not a regular expression, as go tool pprof does (it matches numeric labels only; pprof.Do's labels are strings)
cmd-inspect-tag-no-match = { $flag } `{ $filter }` matched no samples
inspect-tags-none = no sample carries a profiler label (pprof.Do, pprof.SetGoroutineLabels)
inspect-tags-key = Total { $amount } of { $total } ({ $share })
inspect-tags-key-no-total = Total { $amount } of { $total }
verify-no-label-solution = no sample of the solution's profile carries { $label }, and the goal is met anyway: it holds of nothing (labels there: { $keys })
# build-pgo: the exercise's command, built to read what its build used.
run-step-build-program = build program
