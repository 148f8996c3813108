# Messages of goals-trace (Japanese): the trace goal kinds, the trace reader
# and the profile reader.

## What the trace kinds share

trace-no-trace = run `{ $run }` はトレースを書き出しませんでした
trace-no-iterations = run `{ $run }` はベンチマークの反復回数を報告しませんでした
trace-duration-not-percentile = `{ $at }` はパーセンタイルではありません (p50、p90、p99 または max を指定)
trace-duration-not-duration = `{ $at_most }` は時間ではありません (20ms や 1.5s のように指定)
trace-durations-longest = 最長
trace-inventory-none = なし
trace-inventory-unnamed = (名前なし) ({ $count })
trace-found-tasks = 見つかったタスク: { $tasks }
trace-found-regions = 見つかったリージョン: { $regions }
trace-is-want = { $subject } は { $value }、期待値は { $bound }
trace-what-share = 割合
trace-what-time = 時間
trace-what-gc-cycles = GC サイクル数
trace-what-gc-cycles-per-op = op あたりの GC サイクル数
trace-what-heap-size = ヒープサイズ
trace-what-goroutines = goroutine 数
trace-what-goroutines-per-op = op あたりの goroutine 数
trace-what-logs = ログ数
trace-what-regions = リージョン数
trace-what-tasks = タスク数

## trace-blocked

trace-blocked-share-per-op = 割合はすでに相対値です。`per-op` は `share` なしの時間に使います
trace-blocked-subject = { $reason } でブロックされた時間
trace-blocked-explanation = 演習の goroutine が { $reason } で { $time } ブロックされました
trace-blocked-by-reason = 理由別のブロック時間: { $reasons }

## trace-gc

trace-gc-cycles = GC サイクル数
trace-gc-pause-total = stop-the-world 停止の合計
trace-gc-pause-max = 最長の stop-the-world 停止
trace-gc-mark-assist = GC のアシストに費やした時間
trace-gc-peak-heap = 使用中ヒープのピーク
trace-gc-per-op = { $subject } (op あたり)
trace-gc-per-op-adds-up = `per-op` は cycles、pause-total、mark-assist に使います。最長の停止やヒープのピークは op をまたいで足し合わせられません
trace-gc-no-iterations = run `{ $run }` は割り算に使うベンチマークの反復回数を報告しませんでした
trace-gc-evidence = トレース { $time } で GC サイクル { $cycles } 回 ({ $ops } op)。stop-the-world 停止 { $pauses } 回、合計 { $pause_total }、最長 { $pause_max }。GC のアシスト { $assist }。ヒープのピーク { $heap }

## trace-goroutines

trace-goroutines-created = 演習が作成した goroutine
trace-goroutines-created-per-op = 演習が作成した goroutine (op あたり)
trace-goroutines-max-live = 同時に存在した goroutine の最大数
trace-goroutines-created-by = { $pattern } が作成した goroutine
trace-goroutines-created-by-per-op = { $pattern } が作成した goroutine (op あたり)
trace-goroutines-max-live-of = 同時に存在した { $pattern } の goroutine の最大数
trace-goroutines-created-at = { $place } で作成された goroutine { $count } 個
trace-goroutines-peak-at = 最大になったのはトレース開始から { $time } 後

## trace-leaks

trace-leaks-subject = 終了時に生きていた演習の goroutine
trace-leaks-explanation = 演習が作成した goroutine { $count } 個が終了しませんでした
trace-leaks-blocked-in = { $reason }{ $entry } でブロック中
trace-leaks-evidence = { $created } で作成された goroutine { $count } 個: { $place } で { $state }

## trace-logs

trace-logs-subject = カテゴリ { $category } のログ
trace-logs-explanation = カテゴリ { $category } のログは { $count } 件、期待値は { $bound }
trace-logs-found = 見つかったログのカテゴリ: { $categories }

## trace-regions

trace-regions-subject = 名前が { $name } のリージョン
trace-regions-subject-in-task = すべてのタスク { $task } 内の、名前が { $name } のリージョン
trace-regions-count = 名前が { $name } のリージョンは { $count } 個、期待値は { $bound }
trace-regions-no-task = トレースに名前が { $task } のタスクがありません
trace-regions-tasks-without = リージョン { $name } を持たない、名前が { $task } のタスク
trace-regions-tasks-without-count = 名前が { $task } のタスク { $total } 個のうち { $without } 個にリージョン { $name } がありません
trace-regions-outside = リージョン { $parent } の外にある、名前が { $name } のリージョン
trace-regions-outside-count = リージョン { $name } のうち { $count } 個がリージョン { $parent } の内側にありません
trace-regions-duration = 名前が { $name } のリージョンの所要時間 ({ $at })
trace-regions-takes = リージョン { $name } の所要時間 ({ $at }) は { $took } で、上限 { $limit } を超えています

## trace-tasks

trace-tasks-subject = 名前が { $name } のタスク
trace-tasks-count = 名前が { $name } のタスクは { $count } 個、期待値は { $bound }
trace-tasks-found-expected = 見つかったタスク: { $tasks }、期待したタスク: { $expected }
trace-tasks-background-regions = どのタスクにも属さない (バックグラウンドタスクの) リージョン: { $regions }
trace-tasks-fewest-goroutines = 各タスク { $name } の goroutine 数の最小値
trace-tasks-thin = タスク { $total } 個のうち { $thin } 個が関わった goroutine は { $at_least } 個未満です
trace-tasks-touched = タスク { $task } が関わった goroutine: { $goroutines } ({ $count } 個)。goroutine がタスクに属するのは、タスクを開始または終了したとき、タスクのコンテキストでリージョンを実行したりログを書いたりしたときです
trace-tasks-not-ended = 終了していない、名前が { $name } のタスク
trace-tasks-never-ended = タスク { $total } 個のうち { $open } 個が終了しませんでした (各タスクで End を呼んでください)
trace-tasks-duration = 名前が { $name } のタスクの所要時間 ({ $at })
trace-tasks-takes = タスク { $name } の所要時間 ({ $at }) は { $took } で、上限 { $limit } を超えています

## flight-recorder

flight-needs-go = flight-recorder ゴールには、この演習で `go: "1.25"` 以降が必要です
flight-subject = フライトレコーダーのスナップショット
flight-run-not-made = run `{ $run }` は実行されませんでした
flight-not-written = スナップショットが書き出されませんでした (テストは ${ $variable } のパスに保存する writer をコードに渡します)
flight-expected-file = { $path } にファイルがあるはずでした
flight-unreadable = スナップショットは読み取れる実行トレースではありません: { $why }
flight-problems = スナップショット: { $problems }
flight-old-format = スナップショットの形式は { $format } です。フライトレコーダーには Go 1.25 以降が必要です
flight-tasks-subject = スナップショット内の、名前が { $task } のタスク
flight-no-task = 名前が { $task } のタスクがありません
flight-regions-subject = スナップショット内の、名前が { $region } のリージョン
flight-no-region = 名前が { $region } のリージョンがありません
flight-too-big = サイズが { $size } で、許容される { $limit } を超えています (レコーダーに MaxBytes を設定してください)
