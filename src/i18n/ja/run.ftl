# Messages of run (Japanese).

## チェックを実行できなかった理由 (src/run)

run-no-tests = パッケージ { $path } にテストファイルがありません（演習のテストとベンチマークを含む *_test.go が必要です）
run-profile-unreadable = run `{ $run }` の { $kind } プロファイルを読めません（{ $path }）
run-trace-unreadable = run `{ $run }` のトレースを読めません（{ $path }）
run-cannot-prepare = { $path } を準備できません

## チェックの段階（スピナーとメッセージでの呼び名）

run-step-build = ビルド
run-step-tests = テスト
run-step-build-server = サーバーのビルド
run-step-benchmarks = run `{ $run }` のベンチマーク
run-step-profile = run `{ $run }` の { $kind } プロファイル
run-step-trace = run `{ $run }` のトレース
run-step-snapshot = run `{ $run }` のフライトレコーダー
run-step-baseline = スターターでの run `{ $run }`
run-step-profile-pairs = run `{ $run }` の { $kind } プロファイル（スターターと交互）
run-step-endpoints = run `{ $run }` のエンドポイント
run-step-load = run `{ $run }` への負荷
run-step-load-pairs = run `{ $run }` への負荷（スターターと交互）

## ゴールを判定できなかった理由

run-step-failed = { $what } が失敗しました
run-the-tests = テスト
run-tests-fail = 機能テストが失敗しています
run-vet-problems = go vet が問題を { $count } 件報告しています（go test はテストの前に go vet を実行します）
run-compile-errors = コードがコンパイルできません（エラー { $count } 件）
run-hang-interrupted = { $what } を Ctrl-C で止めました。止めたときにコードが実行していた場所です
run-hang-deadlock = { $what } がデッドロックしました: すべての goroutine がブロックしています
run-hang-timeout = { $what } が時間内に終わりませんでした
# 失敗したベンチマークの出力がどちらのものか: (スターター) ..., (あなたのコード) ...
run-which-starter = スターター
run-which-yours = あなたのコード

## serve 実行のサーバー

run-server-mine = サーバー
run-server-starter = スターターのサーバー
run-server-not-built = { $server }がビルドされませんでした: `go build` が ./{ $main } のバイナリを作りませんでした
run-server-compile-errors = { $server }がコンパイルできません（エラー { $count } 件）
run-server-port-taken = { $server }用に選んだポートが、待ち受けを始める前にほかのプログラムに使われたため、別のポートで起動し直しました
run-server-exited-early = { $server }が準備完了の前に終了しました（{ $exit }）
run-server-not-ready = { $server }が { $within } 以内に { $url } に応答しませんでした（{ $last }）
run-server-no-answer = 応答なし
run-server-last-status = 最後の応答はステータス { $status }
run-server-killed = { $server }が SIGTERM から { $grace } 以内に止まらなかったため、プロセスグループを強制終了しました（サーバーは指示されたら終了するべきです: SIGTERM で http.Server.Shutdown）
run-server-exited-under-load = { $server }が負荷の最中に終了しました（{ $exit }）
run-load-did-not-end = { $server }への負荷が { $timeout }（この実行のタイムアウト）以内に終わりませんでした
run-server-gave-nothing = { $server }から{ $what }を取得できませんでした: { $error }
run-server-not-pprof = { $server }が { $url } に{ $what }ではなくステータス { $status } を返しました（net/http/pprof はそこにマウントされていますか？ 場所は実行の `collect.pprof` で指定します）
run-server-printed-nothing = （何も出力しませんでした）
run-fetched-profile = { $kind } プロファイル
run-fetched-trace = トレース
run-profile-recorded-nothing = run `{ $run }` の { $kind } プロファイルには何も記録されていません: サーバーが { $kind } イベントを記録するのは { $call } を呼んだ後だけです
run-no-load = run `{ $run }` は負荷をかけません
run-cannot-load = { $url } に負荷をかけられません: { $why }

## HTTP: クライアント、URL、負荷生成 (src/http)

http-refused = 接続を拒否されました
http-reset = 接続がリセットされました
http-timeout = タイムアウトしました
http-closed = 応答の途中で接続が閉じられました
http-malformed = HTTP の応答ではありません: { $why }
http-too-large = 応答が { $limit } バイトを超えています
http-head-cut = 応答がヘッダーの途中で終わっています
http-chunk-size-bad = チャンクサイズが不正です
http-chunk-unended = チャンクの後に改行がありません
# 失敗したリクエストの種類（ラウンドでの数え方）: `接続リセット ×3`
http-kind-refused = 接続拒否
http-kind-reset = 接続リセット
http-kind-timeout = タイムアウト
http-kind-closed = 接続切断
http-kind-malformed = 不正な応答
http-kind-too-large = 大きすぎる応答
http-kind-io = 入出力エラー
http-unexpected-status = 想定外のステータス ×{ $count }
http-url-scheme = `{ $url }` は http:// の URL ではありません（https には対応していません: pprof のエンドポイントは平文の HTTP です）
http-url-no-host = `{ $url }` にホストがありません
http-url-port = `{ $url }` のポートが不正です（1 から 65535 までの数が必要です）
http-url-resolve = `{ $host }` のアドレスが見つかりません
http-placeholder-unclosed = `{ $text }` の `{"{"}` が閉じられていません
http-placeholder-bad = `{"{"}{ $name }{"}"}` はプレースホルダーではありません（{"{"}port{"}"} か、{"{"}admin-port{"}"} のような名前付きのポートを書きます）
# 負荷の 1 ラウンド: `リクエスト 2,000 件を 1.0s で送信（期待どおりの応答 1,998/s、接続 4 本）`、
# 続いてレイテンシと失敗。
http-round-closed = リクエスト { $requests } 件を { $elapsed } で送信（期待どおりの応答 { $answered }/s、接続 { $connections } 本）
http-round-open = リクエスト { $requests } 件を { $elapsed } で送信（期待どおりの応答 { $answered }/s、接続 { $connections } 本でオープンループ { $rate }/s）
http-round-latency = : p50 { $p50 }、p90 { $p90 }、p99 { $p99 }、最大 { $max }
http-round-failed = 。失敗: { $failures }

## go コマンドとほかのプロセス (src/exec)

exec-go-not-found = `go` コマンドが PATH に見つかりません。Go のダウンロードページから Go { $minimum } 以上をインストールするか、その bin ディレクトリを PATH に加えてください
exec-cannot-start = { $program } を起動できません
exec-cannot-write = { $path } に書き込めません
exec-go-env-failed = `go env` が失敗しました: { $output }
exec-go-env-format = `go env` の出力を読めません: GOVERSION、GOOS、GOARCH、GOCACHE を含む JSON のはずです
exec-go-timeout = `go { $step }` が { $timeout } 以内に終わりませんでした
exec-interrupted = 中断しました
exec-bad-go-version = `{ $text }` は Go のバージョンではありません（1.25 や 1.25.3 のように書きます）
# サーバーの終わり方
exec-exit-status = 終了ステータス { $code }
exec-killed-by = { $signal } で強制終了されました
exec-killed-by-signal = シグナル { $signal } で強制終了されました
exec-ended = 終了しました

## workshop verify (src/verify)

verify-cannot-make-temp = 一時ディレクトリを作れません: { $error }
verify-cannot-resolve-temp = 一時ディレクトリのパスを解決できません: { $error }
verify-cannot-create = { $path } を作れません: { $error }
verify-cannot-apply = { $path } を適用できません: { $error }
verify-starter-not-clean = スターターは問題なく実行できるはずですが、そうなりませんでした: { $message }
verify-solution-not-clean = 解答例はテストに合格するはずですが、合格しませんでした: { $message }
verify-side-could-not-run = 実行できませんでした: { $error }
verify-starter-fails-nothing = スターターが失敗するゴールがありません: この演習は何も求めていません
verify-goal-problems = ゴール `{ $id }`: { $problems }
verify-no-function-trace = /{ $pattern }/ はスターターのトレースのどの関数にも一致しません（そこで goroutine を生成した関数: { $top }）
verify-no-function-profile = /{ $pattern }/ はスターターのプロファイルのどの関数にも一致しません（最も重い関数: { $top }）
# 複数ラウンドのうち何回その判定だったか。下の問題に添えます。
verify-in-rounds = （{ $rounds } ラウンド中 { $n } 回）
verify-met-by-starter = スターターで達成されています{ $in_rounds }: このゴールはスターターに欠けているものを何も求めていません（意図どおりなら、ゴールに `starter: met` と書いてください）
verify-not-met-by-starter = ゴールには `starter: met` とありますが、スターターで達成されていません{ $in_rounds }
verify-inconclusive-on-starter = スターターで判定できません{ $in_rounds }
verify-not-met-by-solution = 解答例で達成されていません{ $in_rounds }
verify-inconclusive-on-solution = 解答例で判定できません{ $in_rounds }
verify-bound-inside-starter = 基準 { $bound } がスターターの値の範囲（{ $lo }–{ $hi }）の中にあります
verify-bound-inside-solution = 基準 { $bound } が解答例の値の範囲（{ $lo }–{ $hi }）の中にあります
verify-margin-starter-worst = スターターの最も悪い値が基準から { $times }× しか離れていません。負荷の高いマシンでは越えることがあります（{ $safe }× 以上離してください）
verify-margin-starter-closest = スターターの最も近い値が基準から { $times }× しか離れていません。負荷の高いマシンでは越えることがあります（{ $safe }× 以上離してください）
verify-margin-solution-worst = 解答例の最も悪い値が基準から { $times }× しか離れていません。負荷の高いマシンでは越えることがあります（{ $safe }× 以上離してください）
verify-margin-solution-closest = 解答例の最も近い値が基準から { $times }× しか離れていません。負荷の高いマシンでは越えることがあります（{ $safe }× 以上離してください）

## workshop doctor (src/doctor.rs): 各項目の名前、見つかったこと、直し方

doctor-for-this-workshop = このワークショップ
doctor-for-the-workshop = ワークショップ
doctor-go-install = Go { $required } 以上をインストールし、`go` を PATH に置いてください
doctor-go-ok = { $version } { $platform }（{ $why }には { $required } 以上が必要）
doctor-go-old = { $version } は、{ $why }に必要な { $required } より古いバージョンです
doctor-go-old-fix = Go { $required } 以上をインストールしてください（フライトレコーダーには 1.25 が必要です）
doctor-go-devel = { $version } は開発版のビルドなので、{ $required } 以上かどうか判断できません
doctor-git-missing = `git` が見つかりません: reset、restore、diff はチェックアウトではなく、初回の実行時に保存したコピーからスターターを取ります
doctor-git-fix = git をインストールしてください（apt install git、macOS では xcode-select --install、または git-scm.com）
doctor-dot-found = dot あり
doctor-dot-missing = `dot` が見つかりません: `go tool pprof -http` と `-png` でコールグラフを描けません（ほかはすべて動きます）
doctor-dot-fix = graphviz をインストールしてください（apt install graphviz、brew install graphviz、または graphviz.org）
doctor-race = レース検出器
doctor-race-cgo-off = cgo が無効です（CGO_ENABLED=0）が、{ $exercises } は -race でビルドします
doctor-race-cgo-off-fix = cgo を有効にし（go env -w CGO_ENABLED=1）、C コンパイラをインストールしてください
doctor-race-ok = cgo（{ $version }）
doctor-race-no-compiler = `{ $compiler }`（cgo が使う C コンパイラ）が見つかりませんが、{ $exercises } は -race でビルドします
doctor-race-no-compiler-fix = C コンパイラをインストールしてください（apt install gcc、macOS では xcode-select --install）
doctor-loopback = ループバックのポート
doctor-loopback-ok = 127.0.0.1:{ $port } を確保できました（{ $exercises } に必要）
doctor-loopback-fail = 127.0.0.1 で待ち受けできません（{ $error }）。{ $exercises } に必要です
doctor-loopback-fix = プログラムがループバックインターフェースで待ち受けできるようにしてください（サンドボックスやファイアウォールが禁じていることがあります）
doctor-cache = go のビルドキャッシュ
doctor-cache-off = GOCACHE が無効です
doctor-cache-off-fix = GOCACHE の設定を外すか、書き込めるディレクトリを指定してください（go env -w GOCACHE=...）
doctor-cache-ok = { $path } に書き込めます
doctor-cache-fail = { $path } に書き込めません: { $error }
doctor-cache-fail-fix = 権限を直すか、GOCACHE に書き込めるディレクトリを指定してください（go env -w GOCACHE=...）

## コマンド (src/commands, src/cli/inspect.rs, src/watch.rs)

cmd-progress-not-saved = 進捗を保存できませんでした: { $error }
cmd-cannot-read = { $path } を読めません: { $error }
cmd-cannot-read-path = { $path } を読めません
cmd-cannot-write = { $path } に書き込めません: { $error }
cmd-no-benchmark-results = { $path } にベンチマークの結果がありません（`BenchmarkSearch-8  1000  1234 ns/op` のような行が必要です）
cmd-reset-nothing-to-do = { $id } はすでにスターターのコードです。何もしません
# verify の進捗バー: どの演習のどちら側をチェックしているか
cmd-verify-starter = スターター
cmd-verify-solution = 解答例
cmd-verify-round = { $exercise }（{ $side }、{ $rounds } ラウンド中 { $round } 回目）
cmd-verify-side = { $exercise }（{ $side }）
cmd-verify-step = { $exercise }（{ $side }）: { $step }
cmd-verify-misbehaves = { $exercise }（{ $side }）が想定どおりに振る舞いません
cmd-inspect-save-file = --save は URL の応答を保存するためのものです。{ $path } はすでにファイルです
cmd-inspect-neither = { $path } を読めません: Go の実行トレースでも（`go 1.N trace` ヘッダーがありません）、pprof プロファイルでもありません（{ $why }）
cmd-inspect-no-sample-type = { $path } にはサンプルタイプ `{ $name }` がありません（あるのは: { $types }）
cmd-inspect-profile-flags = --sample、--cum、--focus、--flamegraph はプロファイル用です。{ $path } は実行トレースです
cmd-inspect-trace-flags = --dump、--goroutines、--tasks、--regions、--timeline、--from、--to は実行トレース用です。{ $path } は実行トレースではありません
cmd-inspect-bad-focus = --focus が正しい正規表現ではありません: { $error }
cmd-flamegraph-failed = フレームグラフを描けません: { $error }
cmd-flamegraph-written = フレームグラフを { $path } に書きました
cmd-fetch-failed = { $url } へのリクエストが失敗しました
cmd-cannot-fetch = { $error } を取得できません（サーバーは動いていて、そのアドレスに net/http/pprof がありますか？）
cmd-fetch-status = { $url } がステータス { $status } を返しました: { $first }
cmd-fetched-text = { $url } の応答はテキストで、プロファイルでもトレースでもありません（先頭は { $begins }）。pprof のエンドポイントは `?debug=` なしでプロファイルを返します: たとえば /debug/pprof/heap や /debug/pprof/profile?seconds=5
watch-cannot-watch = { $path } を監視できません

## 進捗、ファイル、スターターとバックアップ (src/state.rs, src/workspace.rs, src/starter.rs)

state-set-aside = { $path } を読めなかったので { $aside } に移しました。進捗は最初からになります
state-cannot-read = { $path } を読めません: { $error }
state-file-read = { $path } を読めません
state-file-write = { $path } に書き込めません
state-file-copy = { $from } を { $to } にコピーできません
state-link-loop = シンボリックリンクがループしています
state-no-backup = { $id } のバックアップはまだありません（`workshop reset` で作られます）
state-unknown-backup = { $id } にバックアップ `{ $name }` はありません（`workshop restore { $id } --list` を参照）

## より新しい Go を求めるモジュール

exec-go-mod-needs-newer = { $what } は Go { $needed } 以上を求めていますが、`go` は { $running } です。Go { $needed } 以上をインストールするか（`workshop doctor` を参照）、オンラインなら GOTOOLCHAIN=auto で go に取得させてください
## Protected files: the workshop's copies of the files that measure an exercise

exec-overlay-relative = { $path } は絶対パスではありません。go コマンドのオーバーレイファイルには絶対パスが必要です
exec-overlay-not-utf8 = { $path } は正しい UTF-8 ではありません。go コマンドのオーバーレイファイルには UTF-8 のパスが必要です
state-link-not-followed = { $link } はシンボリックリンクなので、たどりません
verify-solution-protected = 解答例が保護されたファイル { $files } を変更しています。チェックでは常にワークショップの{ $count ->
        [1] ファイル
       *[other] ファイル（{ $count } 個）
    }を使うため、解答例のものは使われません（`solution:` から外してください）
## ハッシュで確かめるスターター（src/starter/identify.rs、src/verify/sums.rs）

starter-none = { $id } のスターターのコピーがありません: git にはなく、編集される前にコピーも保存されていません。スターターと比べるには、講師が { $sums } を記録し（`workshop verify { $id }`）、そのうえで演習の元のファイルを元の場所に戻すと、スターターとして認識されます
starter-tried-head = HEAD にコミットされたファイル（{ $differences }）
starter-tried-history = { $count ->
        [0] パッケージを変更したコミットはありません
       *[other] パッケージを変更した最近の { $count } 個のコミットも一致しません
    }
starter-tried-saved = { $path } のコピー（{ $differences }）
starter-tried-yours = { $path } にあるあなたのファイル（{ $differences }）
starter-refused-reason = { $id } のスターターを特定できないため、スターターとは比べられません: { $sums } と一致するコピーがありません: { $tried }
starter-remedy-git = 講師に伝えてください: { $dir } のどのコミットにもスターターがなく、{ $id } の記録されたハッシュとコードが食い違っています（意図して変えたスターターは `workshop verify --record-starter { $id }` で記録し直せます）
starter-remedy-copy = 演習の元のファイル（ワークショップのアーカイブやリポジトリにあります）を { $dir } に置き（あなたのファイルは別の場所に取っておいてください）、`workshop check { $id }` を一度実行してください。スターターが認識されて保存されるので、その後はあなたのファイルを戻せます
starter-refused = { $reason }。{ $remedy }
starter-refused-note = スターターと比べるには: { $remedy }
starter-origin-head = HEAD にコミットされたファイル
starter-origin-saved = { $path } のコピー
starter-unproven = 講師の方へ: { $id } にはまだ { $sums } がないため、スターター（{ $origin }）を確かめずにそのまま使っています。`workshop verify { $id }` でハッシュを記録できます
verify-sums-differ = スターターが { $file } と異なります（{ $differences }）。意図して変えた場合は記録し直してください: `workshop verify --record-starter { $id }`
verify-sums-error = { $file } を確かめられません: { $error }
verify-sums-recorded = { $file } を記録しました — コミットしてください
verify-sums-updated = 変更されたスターターの { $file } を記録し直しました — コミットしてください
## 完全な成果物、生成スタック、名前のパターン

verify-no-function-solution-trace = /{ $pattern }/ は解答例のトレースのどの関数にも一致しません。解答例のコードはそこで goroutine を { $missed } 個起動していますが、どれも数えられないままゴールを満たしています（そこで goroutine を生成した関数: { $top }）

## 退避できない状態ファイル

state-too-many-aside = { $dir } には、この 1 秒の間に退避した読めない状態ファイルがすでに 1000 個あります

## コードではなくマシンがビルドを止めた

exec-go-environment = コードのせいではなく、go がビルドできませんでした: { $line }。空き容量を作るか、その場所を書き込めるようにして（`workshop doctor` を参照）、もう一度チェックしてください
## HTTP の応答の上限と URL が求める秒数

http-past-limit = 応答が workshop の上限を超えています: { $what }（サーバーが壊れていませんか？）
http-header-line-long = { $limit } より長いヘッダー行
http-headers-large = 合計 { $limit } を超えるヘッダー
http-headers-many = { $count } 個を超えるヘッダー
http-chunk-line-long = { $limit } より長いチャンクサイズの行
http-extensions-large = 合計 { $limit } を超えるチャンク拡張
http-trailer-line-long = { $limit } より長いトレーラー行
http-trailers-large = 合計 { $limit } を超えるトレーラー
http-trailers-many = { $count } 個を超えるトレーラー
cmd-fetch-too-much = { $error } を取得できません
cmd-fetch-seconds-absurd = { $url } の `seconds={ $seconds }` は、workshop が応答を待つ長さ（最長 { $most } 秒、1 日）を超えています。秒数を減らしてください

# The fence around a workshop: no change below its root follows a link.
fence-link = { $link } はシンボリックリンク（リンク先: { $target }）です。リポジトリがワークショップの外のファイルを変更させることがないよう、`workshop` はワークショップのルート以下ではリンクをたどりません。リンクを削除する（または実際のディレクトリやファイルにする）と、もう一度実行できます
fence-climbs = { $path } は `..` でワークショップの外に出ています
state-backup-damaged = バックアップのファイル { $path } が、バックアップ作成時に記録した内容と異なるため、復元しません（`--list` で一覧を見て、`--from` で別のバックアップを選んでください）
# Inputs that are not files
cmd-inspect-not-a-file = { $path } を読めません: 通常のファイルではありません（名前付きパイプ、デバイス、ディレクトリのいずれかです）。inspect が読むのはプロファイルかトレースのファイル、または URL です
# workshop inspect --base と --list
cmd-inspect-bad-list = --list が正しい正規表現ではありません: { $error }
cmd-inspect-base-no-type = ベースのプロファイル { $path } にはサンプルタイプ `{ $name }` がありません（あるのは: { $types }）
cmd-inspect-list-no-match = { $path } のサンプルには、/{ $pattern }/ に一致する関数がありません

# The starter's artifacts, kept for looking
run-step-starter-artifact = スターターでの { $what }（比較用）
# トレースのタイムライン
cmd-timeline-written = タイムラインを { $path } に書きました
cmd-timeline-range = トレース（長さ { $span }）の中で、--from { $from } が --to { $to } より前になっていません

# コンパイラの判断（compiler-escape、compiler-inline、compiler-bounds のゴール）
run-step-decisions = コンパイラの判断
verify-no-match-compiler = `{ $pattern }` はスターターについてコンパイラが述べたどれにも一致しません（関数: { $top }）
# Go のバージョンによる制限：新しい Go が必要な演習とゴール
gate-exercise-needs-go = 演習 `{ $exercise }` には Go { $go } 以上が必要ですが、`go` は { $found } です。スキップしました（何も判定していません）
gate-goal-needs-go = Go { $go } 以上が必要です（`go` は { $found }）。スキップしました（達成とも未達成とも判定していません）
gate-how-to-judge = 判定するには `{ $command }` を実行してください（go コマンドが Go モジュールプロキシからそのツールチェーンを一度だけ取得します）。または Go { $go } 以上をインストールし、PATH の先頭に置いてください。
gate-summary-exercise = 何も判定していません（Go { $go } が必要です）
gate-summary-goals = ゴール { $total } 個中 { $met } 個を達成（{ $skipped } 個のゴールは新しい Go が必要なためスキップし、残りで判定しました）
verify-exercise-skipped = スキップ：Go { $go } 以上が必要です（`go` は { $found }）
verify-goal-skipped = 両側でスキップ：Go { $go } 以上が必要です（`go` は { $found }）
verify-skipped-count = 、スキップした演習 { $exercises } 個・ゴール { $goals } 個（新しい Go が必要です。`workshop doctor` を参照）
doctor-newer-go = 新しい Go
doctor-newer-go-ok = { $version } で、ワークショップの Go より新しい Go（最大 { $go }）が必要な演習・ゴール { $count } 個をすべて判定できます
doctor-newer-go-left-out = { $version } では { $what }（{ $count } 個）を判定できません。check と verify ではスキップされ、失敗にはなりません
doctor-newer-go-fix = `{ $command }` を実行してください（go コマンドが Go モジュールプロキシからそのツールチェーンを一度だけ取得します）。または Go { $go } 以上をインストールしてください
# goroutine リークのプロファイル（Go 1.27 以降）
run-leak-own-testmain = goroutine リークのプロファイルは、チェックがパッケージのテストに加える TestMain が書き出しますが、{ $file } には独自の TestMain があります。その TestMain で、`m.Run` のあとに `pprof.Lookup("goroutineleak")` を `${ $env }` のパス（設定されているとき）に書き出すようにしてください
# Profiler labels (pprof.Do): inspect --tags, --tagfocus, --tagignore
cmd-inspect-bad-tag-filter = { $flag } を使えません: { $error }
cmd-inspect-tag-range = { $flag }: go tool pprof と同じく `{ $filter }` を正規表現ではなく数値の範囲として読みました（数値のラベルにしか合いません。pprof.Do のラベルは文字列です）
cmd-inspect-tag-no-match = { $flag } `{ $filter }` に合うサンプルがありません
inspect-tags-none = プロファイララベル（pprof.Do、pprof.SetGoroutineLabels）の付いたサンプルはありません
inspect-tags-key = 合計 { $total } のうち { $amount }（{ $share }）
inspect-tags-key-no-total = 合計 { $total } のうち { $amount }
verify-no-label-solution = 解答例のプロファイルには { $label } の付いたサンプルが一つもないのに、ゴールが満たされています。何も判定していません（そこにあるラベル: { $keys }）
# build-pgo: ビルドに使われたものを読むための、演習のコマンドのビルド。
run-step-build-program = プログラムのビルド
