# Messages of run (Japanese).

## チェックを実行できなかった理由 (src/run)

run-go-too-old = 演習 `{ $exercise }` には Go { $needed } 以上が必要ですが、`go` は { $found } です。新しい Go をインストールしてください（`workshop doctor` を参照）
run-no-tests = パッケージ { $path } にテストファイルがありません（演習のテストとベンチマークを含む *_test.go が必要です）
run-profile-unreadable = 実行 `{ $run }` の { $kind } プロファイルを読めません（{ $path }）
run-trace-unreadable = 実行 `{ $run }` のトレースを読めません（{ $path }）
run-cannot-prepare = { $path } を準備できません

## チェックの段階（スピナーとメッセージでの呼び名）

run-step-build = ビルド
run-step-tests = テスト
run-step-build-server = サーバーのビルド
run-step-benchmarks = ベンチマーク実行 `{ $run }`
run-step-profile = { $kind } プロファイルの実行 `{ $run }`
run-step-trace = トレース付きの実行 `{ $run }`
run-step-snapshot = フライトレコーダーの実行 `{ $run }`
run-step-baseline = スターターと比べる実行 `{ $run }`
run-step-profile-pairs = { $kind } プロファイルの実行 `{ $run }`（スターターと交互）
run-step-endpoints = 実行 `{ $run }` のエンドポイント
run-step-load = 実行 `{ $run }` への負荷
run-step-load-pairs = 実行 `{ $run }` への負荷（スターターと交互）

## ゴールを判定できなかった理由

run-step-failed = { $what } が失敗しました
run-the-tests = テスト
run-tests-fail = 機能テストが失敗しています
run-vet-problems = go vet が問題を { $count } 件報告しています（go test はテストの前に go vet を実行します）
run-compile-errors = コードがコンパイルできません（エラー { $count } 件）
run-hang-interrupted = { $what } を Ctrl-C で止めました。コードはこの場所にありました
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
run-server-port-taken = { $server }用に選んだポートが listen される前にほかに使われたため、別のポートで起動し直しました
run-server-exited-early = { $server }が準備完了の前に終了しました（{ $exit }）
run-server-not-ready = { $server }が { $within } 以内に { $url } に応答しませんでした（{ $last }）
run-server-no-answer = 応答なし
run-server-last-status = 最後の応答はステータス { $status }
run-server-killed = { $server }が SIGTERM から { $grace } 以内に止まらなかったため、プロセスグループを kill しました（サーバーは指示されたら終了するべきです: SIGTERM で http.Server.Shutdown）
run-server-exited-under-load = { $server }が負荷の最中に終了しました（{ $exit }）
run-load-did-not-end = { $server }への負荷が { $timeout }（この実行のタイムアウト）以内に終わりませんでした
run-server-gave-nothing = { $server }から{ $what }を取得できませんでした: { $error }
run-server-not-pprof = { $server }が { $url } に{ $what }ではなくステータス { $status } を返しました（net/http/pprof はそこにマウントされていますか？ 場所は実行の `collect.pprof` で指定します）
run-server-printed-nothing = （何も出力しませんでした）
run-fetched-profile = { $kind } プロファイル
run-fetched-trace = トレース
run-profile-recorded-nothing = 実行 `{ $run }` の { $kind } プロファイルには何も記録されていません: サーバーが { $kind } イベントを記録するのは { $call } を呼んだ後だけです
run-no-load = 実行 `{ $run }` は負荷を送りません
run-cannot-load = { $url } に負荷をかけられません: { $why }

## HTTP: クライアント、URL、負荷生成 (src/http)

http-refused = 接続を拒否されました
http-reset = 接続がリセットされました
http-timeout = タイムアウトしました
http-closed = 応答の途中で接続が閉じられました
http-malformed = HTTP の応答ではありません: { $why }
http-too-large = 応答が { $limit } バイトを超えています
http-head-unended = ヘッダーが終わりません
http-head-cut = 応答がヘッダーの途中で終わっています
http-chunk-size-unended = チャンクサイズの行が終わりません
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
exec-killed-by = { $signal } で kill されました
exec-killed-by-signal = シグナル { $signal } で kill されました
exec-ended = 終了しました
