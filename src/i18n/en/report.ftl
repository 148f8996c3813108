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
