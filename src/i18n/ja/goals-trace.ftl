# Messages of goals-trace (Japanese): the trace goal kinds, the trace reader
# and the profile reader.

## What the trace kinds share

trace-no-trace = run `{ $run }` はトレースを書き出しませんでした
trace-no-iterations = run `{ $run }` はベンチマークの反復回数を報告しませんでした
trace-duration-not-percentile = `{ $at }` はパーセンタイルではありません（p50、p90、p99 または max を指定）
trace-duration-not-duration = `{ $at_most }` は時間ではありません（20ms や 1.5s のように指定）
trace-durations-longest = 最長
trace-inventory-none = なし
trace-inventory-unnamed = (名前なし) ({ $count })
trace-found-tasks = 見つかったタスク: { $tasks }
trace-found-regions = 見つかったリージョン: { $regions }
trace-is-want = { $subject } は { $value }、基準は { $bound }
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
trace-gc-per-op = { $subject }（op あたり）
trace-gc-per-op-adds-up = `per-op` は cycles、pause-total、mark-assist に使います。最長の停止やヒープのピークは op をまたいで足し合わせられません
trace-gc-no-iterations = run `{ $run }` は、op あたりの値を出すのに使うベンチマークの反復回数を報告しませんでした
trace-gc-evidence = トレース { $time } で GC サイクル { $cycles } 回（{ $ops } op）。stop-the-world 停止 { $pauses } 回、合計 { $pause_total }、最長 { $pause_max }。GC のアシスト { $assist }。ヒープのピーク { $heap }

## trace-goroutines

trace-goroutines-created = 演習が生成した goroutine
trace-goroutines-created-per-op = 演習が生成した goroutine（op あたり）
trace-goroutines-max-live = 同時に生存していた goroutine の最大数
trace-goroutines-created-by = { $pattern } が生成した goroutine
trace-goroutines-created-by-per-op = { $pattern } が生成した goroutine（op あたり）
trace-goroutines-max-live-of = 同時に生存していた { $pattern } の goroutine の最大数
trace-goroutines-created-at = { $place } で生成された goroutine { $count } 個
trace-goroutines-peak-at = 最大になったのはトレース開始から { $time } 後

## trace-leaks

trace-leaks-subject = 終了時に生存していた演習の goroutine
trace-leaks-explanation = 演習が生成した goroutine { $count } 個が終了しませんでした
trace-leaks-blocked-in = { $reason }{ $entry } でブロック中
trace-leaks-evidence = { $created } で生成された goroutine { $count } 個（{ $place }: { $state }）

## trace-logs

trace-logs-subject = カテゴリ { $category } のログ
trace-logs-explanation = カテゴリ { $category } のログは { $count } 件、基準は { $bound }
trace-logs-found = 見つかったログのカテゴリ: { $categories }

## trace-regions

trace-regions-subject = 名前が { $name } のリージョン
trace-regions-subject-in-task = 名前が { $task } のどのタスクの中にもある、名前が { $name } のリージョン
trace-regions-count = 名前が { $name } のリージョンは { $count } 個、基準は { $bound }
trace-regions-no-task = トレースに名前が { $task } のタスクがありません
trace-regions-tasks-without = リージョン { $name } を持たない、名前が { $task } のタスク
trace-regions-tasks-without-count = 名前が { $task } のタスク { $total } 個のうち { $without } 個にリージョン { $name } がありません
trace-regions-outside = リージョン { $parent } の外にある、名前が { $name } のリージョン
trace-regions-outside-count = リージョン { $name } のうち { $count } 個がリージョン { $parent } の内側にありません
trace-regions-duration = 名前が { $name } のリージョンの所要時間（{ $at }）
trace-regions-takes = リージョン { $name } の所要時間（{ $at }）は { $took } で、上限 { $limit } を超えています

## trace-tasks

trace-tasks-subject = 名前が { $name } のタスク
trace-tasks-count = 名前が { $name } のタスクは { $count } 個、基準は { $bound }
trace-tasks-found-expected = 見つかったタスク: { $tasks }。求められているタスク: { $expected }
trace-tasks-background-regions = どのタスクにも属さない（バックグラウンドタスクの）リージョン: { $regions }
trace-tasks-fewest-goroutines = 名前が { $name } のタスクごとの goroutine 数の最小値
trace-tasks-thin = タスク { $total } 個のうち { $thin } 個では、関わった goroutine が { $at_least } 個未満です
trace-tasks-touched = タスク { $task } が関わった goroutine: { $goroutines }（{ $count } 個）。goroutine がタスクに属するのは、タスクを開始または終了したとき、タスクのコンテキストでリージョンを実行したりログを書いたりしたときです
trace-tasks-not-ended = 終了していない、名前が { $name } のタスク
trace-tasks-never-ended = タスク { $total } 個のうち { $open } 個が終了しませんでした（各タスクで End を呼んでください）
trace-tasks-duration = 名前が { $name } のタスクの所要時間（{ $at }）
trace-tasks-takes = タスク { $name } の所要時間（{ $at }）は { $took } で、上限 { $limit } を超えています

## flight-recorder

flight-needs-go = `flight-recorder` のゴールには、この演習で `go: "1.25"` 以降が必要です
flight-subject = フライトレコーダーのスナップショット
flight-run-not-made = run `{ $run }` は実行されませんでした
flight-not-written = スナップショットが書き出されませんでした（テストは ${ $variable } のパスに保存する writer をコードに渡します）
flight-expected-file = { $path } にファイルがあるはずでした
flight-unreadable = スナップショットが完全な実行トレースではないため、どのゴールも満たしません: { $why }
flight-problems = スナップショット: { $problems }
flight-old-format = スナップショットの形式は { $format } です。フライトレコーダーには Go 1.25 以降が必要です
flight-tasks-subject = スナップショット内の、名前が { $task } のタスク
flight-no-task = 名前が { $task } のタスクがありません
flight-regions-subject = スナップショット内の、名前が { $region } のリージョン
flight-no-region = 名前が { $region } のリージョンがありません
flight-too-big = サイズが { $size } で、許容される { $limit } を超えています（レコーダーに MaxBytes を設定してください）

## The profile reader: why a profile cannot be read

pprof-error-io = プロファイルを読み取れません
pprof-error-gzip = gzip ストリームが壊れているか途中で切れています: { $why }
pprof-error-too-large = 展開すると { $gib } GiB を超えます
pprof-error-not-profile = pprof プロファイルではありません: { $why }
pprof-error-invalid = 不正なプロファイル: { $why }
pprof-error-no-decode = バイト { $at } で protobuf をデコードできません: { $why }
pprof-error-no-decode-uncompressed = バイト { $at }（展開後）で protobuf をデコードできません: { $why }
pprof-error-not-utf8 = 文字列テーブルの文字列が UTF-8 ではありません
pprof-error-wrong-wire-type = { $field } のワイヤ型が正しくありません（{ $wire }）
pprof-error-part = { $part }: { $why }
pprof-error-in-sample = サンプル: { $why }
pprof-error-large-ids = サンプルが { $limit } 以上のロケーション ID を { $limit } 個より多く参照しています
pprof-error-first-string = 文字列テーブルが空文字列で始まっていません
pprof-error-no-sample-types = サンプルタイプが宣言されていません
pprof-error-string-index = { $part } が文字列 { $index } を参照していますが、テーブルの文字列は { $count } 個です
pprof-error-function-id-zero = ID が 0 の関数があります
pprof-error-function-twice = 関数 ID { $id } が二重に定義されています
pprof-error-location-id-zero = ID が 0 のロケーションがあります
pprof-error-location-function = ロケーション { $location } が未定義の関数 { $function } を参照しています
pprof-error-location-twice = ロケーション ID { $id } が二重に定義されています
pprof-error-sample-width = サンプル { $sample } の値は { $count } 個ですが、サンプルタイプは { $width } 個です
pprof-error-sample-location = サンプル { $sample } が未定義のロケーション { $location } を参照しています
pprof-error-too-many-frames = スタックのフレームが { $limit } 個を超えています
pprof-error-too-many-locations = サンプルが参照するロケーションが { $limit } 個を超えています
pprof-part-sample-type = サンプルタイプ
pprof-part-mapping = マッピング
pprof-part-location = ロケーション
pprof-part-function = 関数
pprof-part-period-type = period の型
pprof-part-sample-label = サンプルのラベル
pprof-part-default-sample-type = デフォルトのサンプルタイプ
pprof-part-function-name = 関数名
pprof-part-function-system-name = 関数のシステム名

## The trace reader: why a trace cannot be read

trace-error-io = トレースを読み取れません
trace-error-not-a-trace = Go の実行トレースではありません: { $why }
trace-error-unsupported = 対応していないトレースのバージョンです: { $version }
trace-error-malformed = バイト { $offset }: { $what }
trace-error-broken = 壊れたトレース（世代 { $generation }）: { $what }
trace-error-no-header = バイト 0 にヘッダー `go 1.N trace` があるはずですが、{ $found } でした
trace-error-version-too-old = { $version }（Go 1.21 以前のトレースはこのリーダーが読めない形式です。読めるのは Go 1.22 から 1.26 の形式で、Go 1.27 は 1.26 の形式で書きます）
trace-error-version-unknown = { $version }（読めるのは Go 1.22 から 1.26 の形式で、Go 1.27 は 1.26 の形式で書きます）
trace-error-file-ends-at = { $what } があるはずの位置でファイルが終わっています（途中で切れている可能性があります）
trace-error-varint-overflows = { $what } の varint が 64 ビットを超えています
trace-error-varint-too-long = { $what } の varint が 10 バイトより長くなっています
trace-error-cut-short = { $len } バイトの{ $what }が { $read } バイトで切れています（途中で切れている可能性があります）
trace-error-not-a-batch = バッチの開始があるはずですが、イベント型 { $typ }（{ $name }）でした
trace-error-batch-too-big = バッチサイズ { $size } が形式の上限 { $max } バイトを超えています
trace-error-batch-ends-at = { $what } があるはずの位置でバッチが終わっています
trace-error-broken-varint = { $what }（varint）があるはずですが、壊れているか途中で切れています
trace-error-past-batch = { $len } バイトの{ $what }がバッチの終わりを越えています（残り { $left } バイト）
trace-error-not-a-string = strings バッチに String イベントがあるはずですが、{ $found } でした
trace-error-string-too-long = 文字列の長さ { $len } が形式の上限 { $max } を超えています
trace-error-string-id-reserved = 世代 { $generation } で予約済みの文字列 ID 0 が使われています
trace-error-string-id-twice = 世代 { $generation } で文字列 ID { $id } が二重に定義されています
trace-error-not-a-stack = stacks バッチに Stack イベントがあるはずですが、{ $found } でした
trace-error-stack-too-deep = { $count } フレームのスタックが形式の上限 { $max } を超えています
trace-error-stack-id-reserved = 世代 { $generation } で予約済みのスタック ID 0 が使われています
trace-error-stack-id-twice = 世代 { $generation } でスタック ID { $id } が二重に定義されています
trace-error-not-a-cpu-sample = CPUSample イベントがあるはずですが、{ $found } でした
trace-error-second-frequency = 世代 { $generation } に 2 つ目の Frequency イベントがあります
trace-error-zero-frequency = 周波数が毎秒 0 ティックです
trace-error-second-clock = 世代 { $generation } に 2 つ目の ClockSnapshot イベントがあります
trace-error-not-a-sync = sync バッチに Frequency または ClockSnapshot イベントがあるはずですが、{ $found } でした
trace-error-no-frequency = Frequency イベントがありません: タイムスタンプを時刻に変換できません
trace-error-no-clock = ClockSnapshot イベントがありません（Go 1.25 以降の世代には必ずあります）
trace-error-stack-function-string = スタック { $stack } が関数の文字列 { $string } を参照していますが、文字列テーブルにありません
trace-error-stack-file-string = スタック { $stack } がファイルの文字列 { $string } を参照していますが、文字列テーブルにありません
trace-error-ends-inside-generation = 世代 { $generation } の途中でファイルが終わっています（続きのバッチと EndOfGeneration マーカーがあるはずです。途中で切れている可能性があります）
trace-error-lone-end-marker = 前に世代のない EndOfGeneration マーカーがあります
trace-error-generation-zero = 世代番号 0 は予約済みです
trace-error-interleaved = 世代 { $generation } の中に世代 { $batch } のバッチがあります（EndOfGeneration マーカーの欠落、または世代の混在）
trace-error-early-end-marker = { $version } のトレースに EndOfGeneration マーカーがあります（Go 1.26 以降にしか現れません）
trace-error-out-of-order = 世代 { $generation } の中に世代 { $batch } のバッチがあります（世代の順序が不正）
trace-error-no-generation = 世代のないイベントがあります
trace-error-events-missing = どのスレッドにもイベントが残っていないのに、イベントが足りません
trace-error-advanced-nothing = イベントを進めましたが何も生成されませんでした
trace-error-thread-waits = スレッド { $thread } が { $event } で待機中（{ $time }ns、引数 { $args }）
trace-error-stuck = どのスレッドの次のイベントも起こりえません: { $waiting }。{ $state }
trace-error-event-on-thread = { $event }（{ $time }ns、スレッド { $thread }）: { $what }
trace-error-not-timed = { $version } のトレースに時刻付きイベントがあるはずですが、{ $found } でした
trace-error-arguments-broken = { $event } イベントの引数が途中で切れているか壊れています

trace-field-strings-marker = Strings マーカー
trace-field-string-event = String イベント
trace-field-string-id = 文字列の ID
trace-field-string-length = 文字列の長さ
trace-field-string = 文字列
trace-field-stacks-marker = Stacks マーカー
trace-field-stack-event = Stack イベント
trace-field-stack-id = スタックの ID
trace-field-stack-frame-count = スタックのフレーム数
trace-field-frame-pc = フレームの PC
trace-field-frame-function = フレームの関数名
trace-field-frame-file = フレームのファイル名
trace-field-frame-line = フレームの行番号
trace-field-cpu-samples-marker = CPUSamples マーカー
trace-field-cpu-sample-event = CPUSample イベント
trace-field-sample-timestamp = サンプルのタイムスタンプ
trace-field-sample-thread = サンプルのスレッド
trace-field-sample-proc = サンプルの proc
trace-field-sample-goroutine = サンプルの goroutine
trace-field-sample-stack = サンプルのスタック
trace-field-sync-marker = Sync マーカー
trace-field-sync-event = Frequency または ClockSnapshot イベント
trace-field-frequency = 周波数
trace-field-snapshot-delta = スナップショットの時間差分
trace-field-monotonic-clock = モノトニック時計
trace-field-wall-seconds = 実時間の秒
trace-field-wall-nanoseconds = 実時間のナノ秒
trace-field-experiment-id = 実験 ID
trace-field-batch-generation = バッチの世代
trace-field-batch-thread = バッチのスレッド ID
trace-field-batch-timestamp = バッチのタイムスタンプ
trace-field-batch-size = バッチのサイズ
trace-field-batch = バッチ
trace-unknown-place = 不明な場所

## The trace reader: events out of order or inconsistent with the runtime's state
trace-order-range-begins-twice = { $range } が進行中なのに、もう一度始まっています
trace-order-range-active-twice = 最初の世代で { $range } が 2 回アクティブとされています
trace-order-range-never-began = { $range } がアクティブとされていますが、始まっていません
trace-order-range-end-alone = { $end } の前に { $begin } がありません
trace-order-no-thread = スレッドがあるはずですが、ありません
trace-order-no-proc = proc があるはずですが、ありません
trace-order-no-goroutine = goroutine があるはずですが、ありません
trace-order-unexpected-thread = スレッドはないはずですが、あります
trace-order-unexpected-proc = proc はないはずですが、あります
trace-order-unexpected-goroutine = goroutine はないはずですが、あります
trace-order-statuses = goroutine の状態 { $goroutines }、proc の状態 { $procs }
trace-order-not-a-thread-event = { $event } はスレッドのイベントとして現れないはずです
trace-order-proc-invalid-status = proc { $proc } の状態 { $status } は不正です
trace-order-proc-status-differs = proc { $proc } の状態が { $status } と報告されていますが、{ $was } でした
trace-order-proc-unheld = これから奪われる proc { $proc } を保持しているスレッドがありません
trace-order-proc-missing = 存在しない proc { $proc } に対する { $event } です
trace-order-proc-not-running = 実行中でない proc { $proc } に対する { $event } です
trace-order-proc-never-seen = 一度も現れていない proc { $proc } での { $event } です
trace-order-proc-for-never-seen = 一度も現れていない proc { $proc } に対する { $event } です
trace-order-proc-not-in-syscall = システムコール中でない proc { $proc } での { $event } です
trace-order-proc-sequence = proc { $proc } での { $event } のシーケンス番号が { $seq } ですが、直前は { $previous } です
trace-order-steal-from-itself = スレッド { $thread } が自身から proc { $proc } を奪っていますが、保持しているのは proc { $held } です
trace-order-steal-from-unknown = 一度も現れていないスレッド { $thread } から proc { $proc } が奪われています
trace-order-steal-from-other = スレッド { $thread } から proc { $proc } が奪われていますが、そのスレッドが保持しているのは proc { $held } です
trace-order-goroutine-invalid-status = goroutine { $goroutine } の状態 { $status } は不正です
trace-order-goroutine-status-differs = goroutine { $goroutine } の状態が { $status } と報告されていますが、{ $was } でした
trace-order-goroutine-status-late = 最初の世代より後に、それまで現れていない goroutine { $goroutine } の状態があります
trace-order-syscall-without-thread = goroutine { $goroutine } がスレッドなしでシステムコール中です
trace-order-syscall-thread-busy = goroutine { $goroutine } がスレッド { $thread } でシステムコール中ですが、そのスレッドは goroutine { $running } を実行しています
trace-order-goroutine-missing = 存在しない goroutine { $goroutine } に対する { $event } です
trace-order-goroutine-not-running = 実行中でない goroutine { $goroutine } に対する { $event } です
trace-order-goroutine-not-in-syscall = システムコール中でない goroutine { $goroutine } に対する { $event } です
trace-order-goroutine-never-seen = 一度も現れていない goroutine { $goroutine } での { $event } です
trace-order-goroutine-for-never-seen = 一度も現れていない goroutine { $goroutine } に対する { $event } です
trace-order-creator-not-running = 実行中でない goroutine { $goroutine } による { $event } です
trace-order-goroutine-exists = goroutine { $goroutine } が生成されていますが、すでに存在します
trace-order-goroutine-exists-syscall = goroutine { $goroutine } がシステムコール中に生成されていますが、すでに存在します
trace-order-task-twice = 同じ ID のタスクがアクティブなのに、タスク { $task } が始まっています
trace-order-task-name = タスク { $task } が文字列 { $string } を参照していますが、文字列テーブルにありません
trace-order-region-name = リージョンが文字列 { $string } を参照していますが、文字列テーブルにありません
trace-order-region-goroutine = 一度も現れていない goroutine { $goroutine } でのリージョンです
trace-order-region-mismatch = goroutine { $goroutine } でタスク { $task } のリージョン { $region } が終わっていますが、最も内側で開いているのはタスク { $open_task } のリージョン { $open } です
trace-order-gc-active-late = 最初の世代で、ほかの GC イベントの後に GCActive があります
trace-order-gc-active-idle = GC が進行中でないのに GCActive があります
trace-order-gc-begin-twice = GC がすでに進行中なのに GCBegin があります
trace-order-gc-end-idle = GC が進行中でないのに GCEnd があります
trace-order-gc-end-unknown = GC の状態がわかる前に GCEnd があります

## The profile reader: protobuf's wire format broken
pprof-wire-varint-overflows = varint が 64 ビットを超えています
pprof-wire-varint-too-long = varint が 10 バイトより長くなっています
pprof-wire-varint-cut-short = varint が途中で切れています
pprof-wire-unknown-wire-type = フィールドのワイヤ型が 6 または 7 ですが、protobuf にそのような型はありません
pprof-wire-field-zero = フィールド番号が 0 です
pprof-wire-field-too-large = フィールド番号が 2^29 より大きくなっています
pprof-wire-past-message = フィールドがメッセージの終わりを越えています
pprof-wire-past-profile = フィールドがプロファイルの終わりを越えています
pprof-wire-groups-too-deep = グループの入れ子が { $depth } 段を超えています
pprof-wire-group-unstarted = 開始していないグループが終わっています

## 完全な成果物、生成スタック、名前のパターン

trace-error-second-trace = バイト { $offset }: ここから 2 つ目のトレース（`{ $header }`）が始まります。ファイルには複数のトレースが続けて書かれています
trace-error-no-generation-at-all = ファイルがヘッダーの直後、最初のイベントの前で終わっています（途中で切れている可能性があります）
pprof-error-trailing = 圧縮されたプロファイルの終わりの後に { $count } バイト続いています。ファイルに完全なプロファイルが複数入っています
trace-not-whole = run `{ $run }` のトレースが完全ではないため、どのゴールも満たしません: { $why }
profile-not-whole = run `{ $run }` の { $profile } プロファイルが完全ではないため、どのゴールも満たしません: { $why }
artifact-kept-at = ファイルは { $path } に残してあります（読める部分は `workshop inspect` で確認できます）
flight-two-traces = スナップショットに複数のトレースが入っています（バイト { $offset } から 2 つ目が始まります）。同じ writer に対して WriteTo が 2 回以上呼ばれています。WriteTo は呼ぶたびにトレース全体を書き出すので、1 つのファイルにはスナップショットを 1 つだけ書いてください
trace-error-generation-empty = この世代には時刻の情報のほかにイベントがありません（最初のバッチの後で切れている可能性があります）
trace-goroutines-created-at-matched = { $place } で生成された goroutine { $count } 個（`created-by` の一致箇所: { $matched }）
trace-origin-frame = 生成スタックの { $file }:{ $line } にある { $function }
trace-origin-runs = goroutine が実行する関数 { $function }
trace-inventory-some = { $count } 種類の名前（例: { $names }）
trace-names-both = `name`（1 つの名前）と `name-matches`（名前のパターン）は、どちらか一方だけを指定してください
trace-names-missing = `name`（1 つの名前）か `name-matches`（名前のパターン）を指定してください
trace-names-matched = { $pattern } に一致した名前: { $names }

## 実行全体を含むスナップショット

flight-tasks-at-most-needs-task = `tasks-at-most` は `task` で指定した名前のタスクを数えます。`task` も指定してください
flight-too-many-tasks = { $task } という名前のタスクを { $count } 個含んでおり、上限の { $limit } 個を超えています。フライトレコーダーのスナップショットは書き出した時点までの直近の過去を保持するので、遅いリクエストが起きたときに書き出せば、その後のリクエストは含まれません。実行全体のトレースや、実行の最後に書き出したスナップショットには、すべてのリクエストが含まれます

## プロファイル爆弾: デコードしたプロファイルが保持できる量

pprof-error-over-budget = プロファイルがこのリーダーの扱える量を超えています（実際のプロファイルははるかに小さいので、メモリを使い果たすように作られたファイルかもしれません）: { $why }
pprof-budget-samples = サンプルが { $limit } 個を超えています（Profile.sample）
pprof-budget-values = 全サンプルの値が合わせて { $limit } 個を超えています（Sample.value）
pprof-budget-frames = 全サンプルのロケーション ID が合わせて { $limit } 個を超えています（Sample.location_id）
pprof-budget-sample-types = サンプルタイプが { $limit } 個を超えています（Profile.sample_type）
pprof-budget-sample-values = 値が { $limit } 個を超えるサンプルがあります（Sample.value）
pprof-budget-locations = ロケーションが { $limit } 個を超えています（Profile.location）
pprof-budget-lines = 全ロケーションの行が合わせて { $limit } 個を超えています（Location.line）
pprof-budget-functions = 関数が { $limit } 個を超えています（Profile.function）
pprof-budget-strings = 文字列が { $limit } 個を超えています（Profile.string_table）
pprof-budget-table-bytes = 全文字列が合わせて { $limit } バイトを超えています（Profile.string_table）
pprof-budget-string-bytes = { $limit } バイトを超える文字列があります（Profile.string_table）
pprof-budget-field = { $limit } バイトを超える { $field } の要素があります
# Profiler labels (pprof.Do): the decoder and tag filters
pprof-budget-labels = 全サンプルのラベルが合わせて { $limit } 個を超えています（Sample.label）
pprof-tag-bad-regex = `{ $pattern }` は正しい正規表現ではありません: { $error }
goregex-rust-only = `{ $pattern }` は `{ $syntax }` を使っていますが、Go の regexp（つまり go tool pprof）はこれを受け付けません
goregex-repeat = `{ $pattern }` の繰り返し { $repeat } は Go の regexp（つまり go tool pprof）が受け付ける上限（{ $limit }）を超えています
pprof-tag-number = 数値範囲の数 { $number } が大きすぎます
