# 実行時メッセージの日本語版。en.ftl のキーはすべてここにもあります（欠けるとテストが失敗します）。
# 値は整形済みで渡されます（数値と単位、file:line の場所、名前はそのまま）。

## 共通の語

label-note = 注:
label-hint = ヒント:
label-warning = 警告:
label-error = エラー:
label-fix = 対処:
label-next = 次:
want = 基準 { $bound }
read-page = { $page } を読んでください
goroutine-count = goroutine { $count } 個
earlier-lines = … 前の { $count } 行は省略

## workshop check

check-failed = チェックに失敗しました
check-not-judged = ゴールは判定されていません
goals-met = ゴール { $total } 個中 { $met } 個を達成
check-took = { $summary }（{ $time }）
server-log = サーバーの出力: { $path }
hang-stopped-after = { $time } で停止しました（この実行のタイムアウト）
hang-running = 実行中: { $test }
hang-none-in-exercise = 演習のコードの中にいる goroutine はありませんでした。出力の末尾:
hang-busy = { $state }（ブロックではなく実行中）
hang-blocked-in = { $state } でブロック中
hang-at = 場所 { $place }
hang-created-at = 生成元 { $place }
hang-others = （演習のコードの外にある goroutine がほかに { $count } 個）
explanation-then-explain = { $measured }。{ $explain }

## workshop verify

verify-progress = {"{"}spinner{"}"} 検証中 [{"{"}bar:24{"}"}] {"{"}pos{"}"}/{"{"}len{"}"} チェック {"{"}elapsed{"}"}  {"{"}wide_msg{"}"}
verify-exercise = 演習
verify-starter = スターター（失敗すべき）
verify-solution = 解答例（達成すべき）
verify-time = 時間
verify-side-starter = スターター
verify-side-solution = 解答例
verify-ok = OK
verify-failed = FAILED
verify-behave = 演習 { $total } 個中 { $ok } 個が期待どおり
verify-margin-warnings = 、余裕の警告 { $count } 件
verify-flipped = 、ラウンド間で判定が変わったゴール { $count } 個
verify-met-on-purpose = （意図的に達成）
verify-margin = 余裕 { $times }×
verify-changed = ラウンド間で判定が変化
verify-could-not-run = 実行できませんでした
verify-side-failed = 失敗
verify-not-run = 未実行

## workshop list, next

next-read-then-check-or-watch = { $page } を読んでから `workshop check { $id }` か `workshop watch { $id }` を実行してください
next-read-then-check = { $page } を読んでから `workshop check { $id }` を実行してください
next-check = `workshop check { $id }` を実行してください
all-done = { $count } 個の演習をすべて終えました。
progress-done = 完了
progress-in-progress = 取り組み中
progress-not-started = 未着手
list-next-marker = ← 次
list-done = 演習 { $total } 個中 { $done } 個が完了
list-text-starts = ワークショップのテキストは { $page } から始まります

## workshop watch

watch-checking = { $id } をチェック中 …
watch-moving-on = { $page } を読んでください。この演習を監視しています
watch-changed = { $name } が変更されました
watch-keys = { $id } を監視中: .go ファイルを保存すると再チェック · h ヒント · l 一覧 · c チェック · q 終了

## workshop hint, reset, restore, diff

hints-none = { $id } にはヒントがありません。
hints-none-revealed = { $id } のヒントはまだ表示されていません。`workshop hint { $id }` で最初のヒントを表示します。
hint-label = ヒント { $number }/{ $total }:
hints-last = これが最後のヒントです。`workshop diff { $id } --solution` で解答例を表示します。
hints-press-h = もう一度 h を押すと次のヒントを表示します。
hints-next = `workshop hint { $id }` で次のヒントを表示します。
reset-done = { $id } をスターターコードに戻しました
    {"  "}あなたのファイルは { $saved } に保存してあります
    {"  "}`workshop restore { $id }` で元に戻せます
restored-from = { $id } を { $from } から復元しました
restored-saved = 置き換えたファイルは { $saved } に保存してあります
backups-none = { $id } のバックアップはまだありません
backups-heading = { $id } のバックアップ（古い順）:
diff-solution-changes-nothing = { $id } の解答例はスターターから何も変えていません（演習が壊れている可能性があります）
diff-yours-are-the-solution = { $id } のあなたのファイルは解答例と同じです
diff-no-changes = { $id } はまだ変更されていません

## チェックのスピナー

spinner-step = { $id } をチェック中: { $step }
spinner-progress = { $id } をチェック中: { $step }（{ $done }/{ $total }）
spinner-long = { $step }: { $time } 経ってもまだ実行中です。Ctrl-C を押すと、コードがいまどこを実行しているかを表示します
spinner-long-usually = { $step }: { $time } 経ってもまだ実行中です（前回は { $usual }）。Ctrl-C を押すと、コードがいまどこを実行しているかを表示します

## workshop inspect: トレース

inspect-trace-header = Go 実行トレース、形式 { $format }、世代 { $generations } 個、イベント { $events } 個、期間 { $time }
inspect-damaged = トレースが壊れています。以下はそこまでの内容です: { $error }
inspect-goroutines = goroutine
inspect-goroutines-seen = { $seen } 個（生成 { $created }、終了 { $ended }、最後に生存 { $alive }）、同時に最大 { $live } 個
inspect-gc = サイクル { $cycles } 回、stop-the-world 停止 { $pauses } 回（合計 { $total }、最長 { $longest }）
inspect-heap = ヒープ
inspect-heap-line = 使用中は最大 { $heap }、GOMAXPROCS は最大 { $procs }
inspect-cpu-samples = CPU サンプル
inspect-tasks = タスク
inspect-regions = リージョン
inspect-logs = ログ
inspect-no-category = （カテゴリなし）
inspect-none = なし
inspect-unnamed = （名前なし）
inspect-span-times = （平均 { $mean }、最大 { $max }）
inspect-span-open = {" "}[未終了 { $open }]
inspect-present-before = トレース開始前から存在
inspect-created-at = 生成元 { $place }
inspect-waiting = 待機中（{ $why }）
inspect-alive-heading = トレース停止時に生存していた goroutine { $count } 個:
inspect-alive-line = { $created }、{ $at }: { $state }
inspect-goroutines-shown = （{ $seen } 個中 { $shown } 個: 最後に生存していたものすべてと、先に終了したもの）
inspect-at-end = 終了時
inspect-start-created = 開始関数 / 生成元
inspect-ended = 終了
inspect-not-ended = 未終了
inspect-in-all = …（全 { $count } 個）
inspect-task-line = 親 { $parent } { $time }  goroutine [{ $goroutines }]  リージョン { $regions } 個、ログ { $logs } 個
inspect-first-of = （{ $total } 個中の最初の { $shown } 個）
inspect-before = 開始前
inspect-task = タスク { $id }

## workshop inspect: プロファイル

profile-header = { $kind } プロファイル
profile-header-long = { $kind } プロファイル、期間 { $time }
profile-samples = サンプル { $count } 個
profile-stacks = スタック { $count } 個
profile-counted = { $header }、{ $counted }
profile-sample-types = サンプルタイプ: { $types }
profile-total-focused = 合計 { $total } { $name }。/{ $focus }/ を通るサンプルは { $focused }（{ $percent }）
profile-total = 合計 { $total } { $name }
profile-more = （ほかに { $count } 個の関数。--top 0 ですべて表示）
profile-few-samples = サンプルが 50 個未満です。100 Hz の CPU プロファイルで意味のある結果を得るには、約 1 秒分の処理が必要です
verify-untranslated = { $file }: `{ $field }` に{ $lang }のテキストがありません。代わりに英語を表示します
verify-untranslated-count = 、翻訳のないテキスト { $count } 件
lang-name = { $lang ->
    [ja] 日本語（ja）
   *[en] 英語（en）
}

## workshop compare

compare-need-more = （ベンチマークを -count 10 以上で実行してください）

## Protected files: the attendee's tests and test data that a check did not use

check-protected-edited = あなたの { $files } はワークショップのものと異なるため、チェックではワークショップの{ $count ->
        [1] ファイル
       *[other] ファイル（{ $count } 個）
    }を使いました。`workshop restore { $id } --tests` で元に戻せます
check-protected-deleted = あなたの { $files } が見つからないため、チェックではワークショップの{ $count ->
        [1] ファイル
       *[other] ファイル（{ $count } 個）
    }を使いました。`workshop restore { $id } --tests` で元に戻せます
tests-restored = { $id } のワークショップの{ $count ->
        [1] ファイル
       *[other] ファイル（{ $count } 個）
    } { $files } を元に戻しました
    {"  "}あなたのファイルは { $saved } に保存してあります
    {"  "}`workshop restore { $id }` で元に戻せます
tests-already-restored = { $id } のテストとテストデータはすでにワークショップのものです。戻すものはありません

# output too long to keep whole
output-cut = 出力は { $total } ありました（{ $dropped } を省きました）。最初の { $head } と最後の { $tail } を { $path } に残してあります

# Reset and restore as transactions.
backup-undone = 前回の `workshop { $operation } { $id }` は途中で止まったため、取り消しました。ファイルはその前の状態に戻っています

# Flame graphs: titled by what they measure, with a named root.
flamegraph-title = { $what }（{ $kind } プロファイル）
flamegraph-root = { $what }の合計
flamegraph-cpu = CPU 時間
flamegraph-samples = サンプル数
flamegraph-alloc-space = 割り当てたバイト数
flamegraph-alloc-objects = 割り当てたオブジェクト数
flamegraph-inuse-space = 使用中のバイト数
flamegraph-inuse-objects = 使用中のオブジェクト数
flamegraph-contentions = 待ちの回数
flamegraph-delay = 待っていた時間
flamegraph-goroutines = goroutine 数

# `list`: an exercise done once that fails now, or was reset since.
progress-done-failing = 一度完了、現在は失敗中
progress-done-reset = 一度完了、その後リセット
# The spinner follows the attendee: a slow step counts up live, a wait for another check is said.
spinner-long-stopped-at = { $step }: { $time } 経ってもまだ実行中です（{ $timeout } で停止します）。Ctrl-C でコードがどこにいるかを表示します
spinner-long-usually-stopped-at = { $step }: { $time } 経ってもまだ実行中です（前回は { $usual }、{ $timeout } で停止します）。Ctrl-C でコードがどこにいるかを表示します
spinner-waiting = { $id } の別のチェックが終わるのを待っています
# Lists the runner joins: between the items of a list, between clauses.
list-separator = {"、"}
clause-separator = {"。"}

# The solution's reasoning, kept out of the exercise's page.
hints-reasoning = 解答例の考え方：{ $page }

# workshop inspect --base と --list
profile-diff-header = { $header }（ベース: { $base }）
profile-diff-totals = 合計 { $current } { $name }、ベースでは { $base }（差 { $change }）
profile-diff-shown = 表示した関数が占めるのは { $shown }（合計 { $total } の { $percent }。割合はベースの合計に対する値です）
profile-diff-none = 差のある関数はありません
profile-list-total = 合計: { $total }
profile-list-routine = 関数 ======================== { $function }（{ $file }）
profile-list-sums = { $flat } { $cum }（flat と cum）合計の { $percent }
profile-list-no-source = { $function } にはソースの情報がありません
profile-list-not-found = エラー: ファイル { $path } がパス { $searched } に見つかりません
profile-list-cannot-open = エラー: { $path } を開けません: ファイルがありません
flamegraph-diff-title = { $what }（{ $kind } プロファイル）、ベースとの差分: 赤は増加、青は減少
# What changed since the starter, under a profile goal
check-since-starter = スターターからの変化（{ $sample } に占める { $measure } の割合、単位はポイント）:

# workshop open, told after a failed goal on a profile or trace
check-open-hint = Go のビューアーでプロファイルやトレースを見るには: `{ $command }`

# workshop list --history
history-none = { $id } のチェックはまだ記録されていません
history-checks = 直近 { $count } 回のチェック（古い順）: { $verdicts }
# トレースのタイムライン: inspect の時系列の図と --timeline の SVG
inspect-over-time = 時系列
inspect-series-axis = 全体 { $span }、1 列あたり { $column }
inspect-series-live = 生存
inspect-series-running = 実行中
inspect-series-range = { $min }–{ $max }
inspect-series-gc = マーク中は時間の { $share }%
timeline-title = { $path }: 全体 { $span } のうち { $from } から { $to } まで
timeline-goroutines = goroutine 数
timeline-gc = GC
timeline-stw = stop-the-world
timeline-proc = P{ $id }
timeline-task = タスク { $name }
timeline-region = リージョン { $name }
timeline-legend = 各 P のレーンは、実行していた goroutine の開始関数ごとに色分けしています（上の凡例は実行時間の長い関数で、それ以外は灰色です）。1 ピクセル分の時間の一部だけ実行していた所は淡い色で表示します

# workshop open, told after a check whose profile goals are all met
check-open-diff-hint = スターターからの変化を Go のビューアーで見るには: `{ $command }`

# The key to the timeline's colours
timeline-started-with = 開始関数
timeline-other = その他

# inspect --base --normalize
profile-diff-normalized = （正規化済み: プロファイルの値を { $scale } 倍してベースの合計にそろえたので、各行は割合の変化を表します）
# goroutine リークのプロファイル（Go 1.27 以降）
flamegraph-goroutines-leaked = リークした goroutine 数
# 一覧での Go のバージョンによる制限
list-needs-go = {" "}（スキップ：Go { $go } が必要です）
list-goals-need-go = {" "}（{ $goals } には Go { $go } が必要です（{ $count } 個））
# Profiler labels (pprof.Do): inspect --tagfocus, --tagignore
profile-total-tag-filtered = 合計 { $total } { $name }。{ $filters } で残るサンプルは { $kept }（{ $percent }）
