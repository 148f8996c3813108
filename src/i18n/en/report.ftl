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
