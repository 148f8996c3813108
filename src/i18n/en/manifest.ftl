# Messages of manifest (English): problems in workshop.yaml and the check
# files, as the YAML reader and the manifest's validation report them.

## The YAML reader

# `what` is `key` or `kind`; `has_best` and `has_valid` are `yes` or `no`;
# `valid` lists the valid names, comma-separated.
yaml-unknown = { $what ->
        [key] unknown key
        [kind] unknown kind
       *[other] unknown { $what }
    } `{ $name }`{ $has_best ->
        [yes] ; did you mean `{ $best }`?
       *[no] {""}
    }{ $has_valid ->
        [yes] {" "}(expected one of: { $valid })
       *[no] {" "}(no keys are allowed here)
    }
yaml-missing-field = missing field `{ $name }`
yaml-duplicate-field = duplicate field `{ $name }`
# A value of the wrong type: what was expected, then what was written.
yaml-expected-found = expected { $expected }, found { $found }
yaml-type-unsigned = a whole number of 0 or more
yaml-type-integer = a whole number
yaml-type-number = a number
yaml-type-boolean = true or false
yaml-type-string = a string
yaml-type-list = a list
yaml-type-mapping = a mapping
yaml-found-nothing = nothing
yaml-not-duration = `{ $text }` is not a duration (expected something like 90s, 2m or 1m30s)
yaml-unclosed-quote = this quote is never closed
yaml-tab-indent = a tab indents this line; YAML indents with spaces only
yaml-key-cannot-start = a `key:` cannot start here: the line is indented deeper than the keys above it, or the value before it needs quotes
yaml-indent-list = this line is indented like neither the list items (`- `) above it nor the keys of their mapping
yaml-indent-keys = this line is indented like none of the keys above it
yaml-unclosed-list = a `[` list is not closed with `]`
yaml-unclosed-mapping = a `{"{"}` mapping is not closed with `{"}"}`
yaml-unknown-anchor = `*name` names an anchor (`&name`) that is not defined before it
yaml-unexpected-end = the file ends in the middle of a value
yaml-bad-character = a character that cannot start a value: put the value in quotes

## workshop.yaml and the exercises

manifest-not-found = no workshop.yaml in { $dir } or any directory above it (run inside a workshop, or pass --root DIR)
manifest-cannot-read = cannot read { $path }
manifest-problems = { $count ->
    [one] 1 problem in the manifest
   *[other] { $count } problems in the manifest
}
# `suggest` is `one` (a likely typo, in `closest`), `many` (the closest ids,
# comma-separated) or `none`.
manifest-unknown-exercise = no exercise `{ $id }` in this workshop{ $suggest ->
        [one] ; did you mean `{ $closest }`?
        [many] ; closest: { $closest }
       *[none] {""}
    }
manifest-not-in-exercise = name an exercise (`workshop list` shows them), or run this inside an exercise's directory; { $dir } is in none
manifest-title-empty = the title is empty
manifest-module-missing = expected a Go module (a directory with go.mod) at { $path }
manifest-exercises-empty = the exercise list is empty
manifest-exercise-twice = exercise `{ $id }` is listed twice
manifest-check-file-missing = expected the check file { $path } for exercise `{ $id }`

## Values in manifest files

manifest-page-missing = expected the page { $path }
manifest-path-empty = the path is empty
manifest-path-leaves = `{ $path }` leaves the workshop (expected a relative path without `..`)
manifest-path-outside = { $path } leads outside the workshop (to { $target })
manifest-bad-id = `{ $id }` is not an exercise id (expected lowercase parts separated by `/`, like heap/01-concat)
manifest-bad-benchtime = `{ $value }` is not a -benchtime (expected a count like 100x or a duration like 2s)
manifest-bad-env-name = `{ $name }` is not an environment variable's name (expected letters, digits and `_`, like GOGC)
manifest-env-reserved = `{ $name }` is the runner's to set
manifest-env-one-value = `{ $name }` needs a single value, like GOGC: 50
# `expected` is one of the manifest-env-expect-* messages.
manifest-env-bad-value = `{ $name }: { $value }` is not what Go reads ({ $expected })
manifest-env-expect-gogc = a percentage like 100, or off
manifest-env-expect-gomaxprocs = a whole number of 1 or more
manifest-env-expect-gomemlimit = an amount like 512MiB, or off
manifest-env-expect-godebug = settings like gctrace=1,madvdontneed=1
manifest-bad-tag = `{ $tag }` is not a build tag (expected letters, digits, `_` and `.`)
manifest-pattern-rust-only = `{ $part }` uses `{ $syntax }`, which Go's regular expressions do not have
# `why` is the regular expression parser's own message.
manifest-pattern-invalid = `{ $part }` is not a regular expression Go accepts: { $why }

## Check files

manifest-package-missing = expected the exercise's package directory { $path }
manifest-gcflags-empty = the gcflags are empty
manifest-pgo-missing = expected `auto`, `off`, or a CPU profile at { $path }
manifest-run-name-empty = the run name is empty
manifest-run-twice = run `{ $name }` is defined twice
manifest-bad-count = count must be a whole number of at least 1, not { $value }
manifest-run-needs-pattern = a run needs `bench:` (benchmarks to run), `test:` (tests to run) or `serve:` (a server to load)
manifest-run-bench-and-test = a run takes `bench:` (benchmarks to run) or `test:` (tests to run), not both
manifest-pattern-empty = the { $key } pattern is empty
manifest-serve-key = `{ $key }` belongs to a run that serves (add `serve:` with the server to start)
manifest-bench-key = `{ $key }` is for benchmark runs; a run that serves takes `serve`, `load` and `collect`
manifest-goals-empty = an exercise needs at least one goal
manifest-goal-id-empty = the goal id is empty
manifest-goal-twice = goal `{ $id }` is defined twice
# A goal and the run it reads: `kind` is the goal's kind, `run` the run's name.
manifest-goal-needs-load = { $kind } goals measure the load on a server, and run `{ $run }` sends none (expected `load:` in the run)
manifest-goal-needs-load-pprof = { $kind } goals of a run that serves read what pprof gives under load, and run `{ $run }` sends none (expected `load:` in the run)
manifest-goal-needs-serve = { $kind } goals read a run that serves, and run `{ $run }` runs go test (expected a run with `serve:`)
manifest-goal-needs-go-test = { $kind } goals read a run of go test, and run `{ $run }` serves (expected a run with `bench:` or `test:`)
manifest-solution-empty = a reference solution needs at least one file
manifest-solution-missing = expected the solution file { $path }

## Runs that serve

manifest-bad-status = `{ $status }` is not an HTTP status (expected 100 to 599)
manifest-bad-whole = expected a whole number from 1 to { $most }, not { $value }
manifest-load-no-requests = a load needs at least one request (expected `- path: /...`)
manifest-bad-rate = `{ $rate }` is not a rate (expected requests per second, more than 0)
manifest-duration-and-count = a round lasts a `duration` or a `count` of requests, not both
manifest-bad-method = `{ $method }` is not an HTTP method (expected GET, POST, PUT, ...)
manifest-bad-request-path = `{ $path }` is not a request path (expected one that starts with `/`, without spaces)
manifest-bad-header = `{ $name }` is not a header name
manifest-header-one-line = a header's value is one line
manifest-not-collectable = `{ $name }` is not something pprof serves here (expected cpu, memory, block, mutex, goroutine or trace)

## Goals: the keys every goal takes

# `has_best` is `yes` or `no`; `runs` lists the runs, comma-separated.
goal-no-run = no run named `{ $run }`{ $has_best ->
        [yes] ; did you mean `{ $best }`?
       *[no] {""}
    } (runs: { $runs })
goal-runs-empty = this goal needs a benchmark run, and `runs` is empty
goal-which-run = say which run this goal uses with `run:` (one of { $runs })
goal-bound-both = give either `at-most` or `at-least`, not both
goal-bound-missing = expected a bound: `at-most: N` or `at-least: N`
goal-bound-finite = the bound must be a finite number
goal-count-one-of = give one of `at-least`, `at-most` or `exactly`
# `what` names what the goal measures; `range` is one of the goal-range-* messages.
goal-out-of-range = `{ $key }: { $value }` cannot be right: { $what } is { $range }
goal-range-amount = 0 or more
goal-range-share = a percentage from 0 to 100
goal-range-count = a whole number, 0 or more
# `error` is the regular expression parser's own message.
goal-bad-regex = not a valid regular expression: { $error }

## Texts given per language

text-expected = a string, or a mapping of language codes (en, ja) to strings
text-given-twice = `{ $code }` is given twice

## An exercise without its check file, and workshop.yaml's Go against go.mod's

manifest-check-file-missing-near = expected the check file { $path } for exercise `{ $id }`; did you mean `{ $closest }`, which has a check file?
manifest-check-file-yml = expected the check file { $path } for exercise `{ $id }`; found check.yml there: the file must be named check.yaml
manifest-go-below-module = workshop.yaml asks for Go { $go }, but { $path } asks for go { $needed }, which a Go older than { $needed } cannot build; raise `go:` to { $needed } or lower go.mod's go line
## Protected files: the `protected:` globs of a check file

manifest-protected-unmatched = `{ $glob }` matches no file of the starter (for every file below a directory, write `directory/**`)
manifest-protected-bad-name = `{ $glob }` has an empty name or `.` in it (write paths like `fixtures/*.json`, relative to the package)
manifest-protected-bad-class = `{ $glob }`: `{ $name }` has a `[` set that is not closed, or holds `/`
## Starter sums (src/manifest/sums.rs): checks/<id>/starter.sums

sums-expected-line = expected a line of `sha256sum`: 64 hexadecimal digits, two spaces and a path relative to the package directory
sums-expected-separator = expected two spaces between the sum and the path
sums-path-empty = the path is empty
sums-path-leaves = `{ $path }` leaves the package directory (expected a relative path without `..`)
sums-bad-escape = a name escaped as `sha256sum` does may only have `\\`, `\n` or `\r` after a backslash
# `line` is the line number where the path was listed first.
sums-twice = { $path } is listed twice (first on line { $line })
sums-line-too-long = the line is longer than { $limit } bytes
sums-not-utf8 = not UTF-8 text
sums-too-many = more than { $limit } files
sums-too-big = the file is larger than { $limit }, far more than a starter needs
# How a set of files differs from the sums: `files` lists a few paths, comma-separated.
sums-changed = changed: { $files }
sums-missing = missing: { $files }
sums-extra = extra: { $files }
sums-and-more = { $count ->
        [one] {" "}and 1 more
       *[other] {" "}and { $count } more
    }
sums-separator = {"; "}

## Patterns Go refuses for their repeat counts

manifest-pattern-repeat = `{ $part }` repeats `{ $repeat }`, more than the { $limit } times Go's regular expressions allow (go test would refuse it)
## Bounds on YAML files, checked before they are parsed

# `limit` is a size such as `1 MiB`.
yaml-too-large = the file is larger than { $limit }, far more than a workshop file needs
# `limit` is a number of levels.
yaml-too-deep = nested deeper than { $limit } levels (of indentation, `-` items or `[`/`{"{"}`), far more than a workshop file needs
## Limits on durations

yaml-duration-too-long = `{ $text }` is longer than a week, the most any wait in a workshop may be (7d)
