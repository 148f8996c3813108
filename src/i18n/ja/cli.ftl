# コマンドラインのヘルプ (`workshop --help`、`workshop <command> --help`)。
# clap は全角文字も 1 桁と数えて折り返すので、長い文はここで改行しておく
# (80 桁の端末に収まるように、引数の説明は 1 行 30 字ほどまで)。

cli-about = Go のプロファイリングとトレースを学ぶ、自己採点式のワークショップ
cli-long-about =
    Go のプロファイリングとトレースを学ぶ、自己採点式のワークショップ。

    演習の Go コードを編集したら、`workshop check <id>` が適切な
    `go test` フラグで実行し、生成されたベンチマーク、プロファイル、
    トレースを読み取って、どのゴールを達成したかを示します。
cli-arg-root =
    ワークショップのルート（既定: workshop.yaml がある、
    最も近い上位ディレクトリ）
cli-arg-color = 色を使うかどうか
cli-arg-lang =
    メッセージの言語: en または ja
    （既定: ロケール（LC_ALL、LC_MESSAGES、LANG）に従い、
    なければ英語）

cli-list-about = 演習をカリキュラム順に、進捗とともに一覧表示する
cli-list-arg-json = テキストの代わりに JSON ドキュメントを出力する

cli-check-about = 演習のテストとベンチマークを実行し、ゴールを判定する
cli-check-long-about =
    演習のテストとベンチマークを実行し、ゴールを判定する。

    終了ステータス: すべてのゴールを達成したら 0、未達成があれば 1、
    チェックを実行できなかったら 2（マニフェストの誤り、Go がない、
    Go が古すぎる、不明な演習）。
cli-check-arg-id =
    演習（例: heap/01-concat、`workshop list` を参照）
    またはそのディレクトリ。省略すると、今いるディレクトリの演習
cli-check-arg-fresh =
    スターターと比べるゴールのために、前回のチェックの
    テストバイナリを使い回さず、スターターをビルドし直す
    （実行は常にやり直す）
cli-check-arg-json = テキストの代わりに JSON ドキュメントを出力する

cli-hint-about = 演習の次のヒントを表示する: 実行するたびに 1 つずつ増える
cli-hint-long-about =
    演習の次のヒントを表示する: 実行するたびに 1 つずつ増える。

    ヒントは、きっかけ、見るべき場所、解き方の順に進みます。
    `--all` は、これまでに表示したヒントをすべて表示し直します。
cli-hint-arg-id =
    演習（例: heap/01-concat）またはそのディレクトリ。
    省略すると、今いるディレクトリの演習
cli-hint-arg-all =
    新しいヒントを出さずに、これまでに表示したヒントを
    すべて表示する
cli-hint-arg-json = テキストの代わりに JSON ドキュメントを出力する

cli-reset-about = 自分のコードを保存してから、演習をスターターコードに戻す
cli-reset-long-about =
    自分のコードを保存してから、演習をスターターコードに戻す。

    今のファイルはまず .workshop/backups/<id>/<time>/ にコピーされ、
    `workshop restore <id>` で元に戻せます。
cli-reset-arg-id = 演習（例: heap/01-concat）

cli-restore-about = `reset` が作ったバックアップからコードを戻す（既定: 最新のもの）
cli-restore-arg-id = 演習（例: heap/01-concat）
cli-restore-arg-from = 戻すバックアップ（--list が示すディレクトリ名）
cli-restore-arg-list = 戻さずに、バックアップを一覧表示する

cli-diff-about = 演習に加えた変更を、スターターコードとの差分で表示する
cli-diff-arg-id =
    演習（例: heap/01-concat）またはそのディレクトリ。
    省略すると、今いるディレクトリの演習
cli-diff-arg-solution =
    スターターへの変更ではなく、解答例との違いを表示する

cli-watch-about = 演習の .go ファイルを保存するたびに、チェックし直す
cli-watch-long-about =
    演習の .go ファイルを保存するたびに、チェックし直す。

    指定した演習（既定: 完了していない最初の演習）から始め、
    すべてのゴールを達成すると次の演習に進みます。
    キー: h ヒント、l 一覧、c 再チェック、q 終了。
cli-watch-arg-id = 最初に取り組む演習

cli-next-about = まだ完了していない最初の演習を示す
cli-next-arg-check = その演習をチェックもする
cli-next-arg-json = テキストの代わりに JSON ドキュメントを出力する

cli-verify-about = 講師向け: どのゴールもスターターで未達成、解答例で達成となるか確かめる
cli-verify-long-about =
    講師向け: どのゴールもスターターで未達成、解答例で達成となるか確かめる。

    各演習を一時的なコピーでチェックします。配布したままの状態では
    どのゴールも未達成（ゴールに `starter: met` とある場合を除く）、
    解答例を適用した状態ではどのゴールも達成でなければなりません。
    ゴールごとに両側の値と境界からの余裕を表示し、混み合った教室では
    足りないほど余裕が小さければ警告します。ワークショップ自体の
    ファイルは変更しません（演習にないスターターのハッシュ
    checks/<id>/starter.sums を作業ツリーから記録するときを除く）。
    どの演習も期待どおりのときだけ、終了ステータス 0 を返します。
cli-verify-arg-ids = 検証する演習（既定: すべて）
cli-verify-arg-jobs = 同時に実行するチェックの数
cli-verify-arg-json = テキストの代わりに JSON ドキュメントを出力する
cli-verify-arg-junit =
    CI システム向けに JUnit XML レポートも書き出す
    （演習とスターター/解答例の組ごとに 1 テストケース）
cli-verify-arg-repeat =
    スターターと解答例をそれぞれ N 回チェックし、
    判定が一度でも変わったゴールを示す
cli-verify-arg-load =
    その間、混み合った教室のように K 個のスレッドを
    働かせ続ける（終わったら止める）
cli-verify-arg-strict = 余裕についての警告を失敗として数える

cli-inspect-about = Go の実行トレースまたは pprof プロファイルを要約する
cli-inspect-long-about =
    Go の実行トレースまたは pprof プロファイルを要約する。

    `go test -trace`、`runtime/trace`、フライトレコーダーの
    スナップショット（Go 1.22 から 1.27）が書いたトレースと、
    `go test` や `runtime/pprof` が書いたプロファイル（CPU、heap、
    allocs、block、mutex、goroutine）を、ワークショップの内外を問わず
    扱えます。
cli-inspect-arg-file =
    トレースまたはプロファイルのファイル、または取得元の
    http:// URL（例: http://127.0.0.1:6060/debug/pprof/profile?seconds=5）
cli-inspect-arg-json = JSON ドキュメントとして出力する
cli-inspect-arg-save = URL のとき: 応答をこのファイルに保存する
cli-inspect-arg-dump =
    トレース: すべてのイベントを順に、
    `go tool trace -d=parsed` のテキスト形式で出力する
cli-inspect-arg-goroutines =
    トレース: すべての goroutine を、生成元、開始関数、
    状態ごとの時間とともに一覧表示する
cli-inspect-arg-tasks =
    トレース: すべてのタスクを、その goroutine、
    リージョン、ログとともに一覧表示する
cli-inspect-arg-regions = トレース: すべてのリージョンを一覧表示する
cli-inspect-arg-top = プロファイル: 一覧表示する関数の数（0 ならすべて）
cli-inspect-arg-sample =
    プロファイル: 表示するサンプルタイプ
    （例: cpu、alloc_space、inuse_space、delay）
cli-inspect-arg-cum = プロファイル: flat ではなく累積値（cum）で並べ替える
cli-inspect-arg-focus =
    プロファイル: この正規表現に一致する関数を含む
    サンプルだけを使う
cli-inspect-arg-flamegraph = プロファイル: SVG のフレームグラフも書き出す

cli-compare-about = 保存した 2 つのベンチマーク出力を、benchstat と同じやり方で比較する
cli-compare-long-about =
    保存した 2 つのベンチマーク出力を、benchstat と同じやり方で比較する。

    単位ごとに、各ベンチマークの両側の中央値 ± 95% 信頼区間と変化を、
    Mann-Whitney の p 値とともに表示します。差が有意でない（p ≥ 0.05）
    ときは `~` を表示します。ベンチマークは -count 10 以上で
    実行してください。
cli-compare-arg-old =
    比較の元になる出力（`go test -bench ... -count 10 > old.txt`）
cli-compare-arg-new = それと比較する出力
cli-compare-arg-json = テキストの代わりに JSON ドキュメントを出力する

cli-completions-about = シェルの補完スクリプトを出力する（bash、zsh、fish、elvish、powershell）

cli-doctor-about = このマシンの準備を確かめる: Go とそのバージョン、ビルドキャッシュ、graphviz
cli-doctor-arg-json = テキストの代わりに JSON ドキュメントを出力する

cli-heading-traces = トレース
cli-heading-profiles = プロファイル

cli-heading-usage = 使い方
cli-heading-commands = コマンド
cli-heading-arguments = 引数
cli-heading-options = オプション
cli-flag-help = ヘルプを表示する
cli-flag-help-more = ヘルプを表示する（'--help' で詳細）
cli-flag-help-summary = ヘルプを表示する（'-h' で概要）
cli-flag-version = バージョンを表示する
cli-help-about = このメッセージ、または指定したサブコマンドのヘルプを表示する
cli-help-arg-subcommand = ヘルプを表示するサブコマンド

## Protected files: `workshop restore --tests`

cli-restore-arg-tests = 自分のファイルを保存してから、ワークショップのテストとテストデータ（チェックが常にワークショップのものを使うファイル）だけを元に戻す
# スターターのハッシュ
cli-verify-arg-record-starter = 意図してスターターを変えた演習のスターターのハッシュ（checks/<id>/starter.sums）を記録し直す
# workshop inspect --base と --list
cli-inspect-arg-base =
    プロファイル: このベースのプロファイルとの差分を、
    `go tool pprof -diff_base` と同じように表示する
    （フレームグラフも差分を描く）
cli-inspect-arg-list =
    プロファイル: この正規表現に一致する関数のソースを、
    各行の flat と cum とともに、
    `go tool pprof -list` と同じように表示する

# workshop open: Go's viewers on a check's profiles and traces
open-nothing = { $id } の直前のチェックはプロファイルもトレースも残していません。先に `workshop check { $id }` を実行してください
open-choose = 直前のチェックはプロファイルやトレースを複数残しています。{ $choices } のどれかで選んでください
open-unknown-profile = { $name } という名前のプロファイルはありません。直前のチェックが残したのは { $choices } です
open-no-such = 直前のチェックは { $what } で開けるものを残していません。残したのは { $choices } です
open-no-starter = { $id } のスターターのプロファイルはまだ保存されていません。一度 `workshop check { $id }` を実行してから、もう一度試してください
open-no-port = 127.0.0.1 に空いているポートが見つかりませんでした
open-viewer-ended = ビューアーが応答する前に終了しました:
    { $output }
open-viewer-slow = ビューアーが { $seconds } 秒以内に応答しませんでした
open-starting = { $path } を開いています…
open-serving = ビューアーのアドレスは { $url } です
open-in-container = workshop はコンテナーの中で動いているため、ビューアーはコンテナー内の 127.0.0.1 で待ち受けています。アクセスするには、ポート { $port } を転送してください（エディターのポート転送機能を使うか、手元のマシンで `ssh -L { $port }:127.0.0.1:{ $port } <host>` を実行します）。
open-no-browser = ブラウザーは開きませんでした。上のアドレスをお使いのブラウザーで開いてください。
open-stop = ビューアーを止めるには Ctrl-C を押してください。
cli-open-about = 直前のチェックのプロファイルやトレースを Go のビューアーで開く
cli-open-long-about =
    直前のチェックのプロファイルやトレースを Go のビューアーで開く。

    `go tool pprof -http`（または `go tool trace`）を 127.0.0.1 の
    空いているポートで起動し、そのアドレスを表示して、ブラウザーが
    あれば開きます。`--diff` を付けると、スターターのプロファイルとの
    差分を表示します。Ctrl-C で停止します。
cli-open-arg-id =
    演習（例: cpu/01-regexp）またはそのディレクトリ。
    省略すると、今いるディレクトリの演習
cli-open-arg-profile =
    チェックが複数のプロファイルを書いたときに開くもの:
    cpu、heap（または memory）、block、mutex、goroutine
cli-open-arg-trace = チェックの実行トレースを開く（`go tool trace`）
cli-open-arg-diff = スターターのプロファイルとの差分として表示する（`-diff_base`）
cli-open-arg-no-browser = アドレスを表示するだけで、ブラウザーは開かない

# workshop list --history
cli-list-arg-history =
    演習の直近のチェックでの、各ゴールの計測値の
    推移を表示する
# トレースのタイムライン
cli-inspect-arg-timeline =
    トレース: SVG のタイムラインも書き出す（P ごとの
    レーン、GC と stop-the-world、タスク、リージョン、
    goroutine 数）
cli-inspect-arg-from =
    トレース: タイムラインの始点（トレース開始からの
    時間、例: 120ms）
cli-inspect-arg-to =
    トレース: タイムラインの終点（トレース開始からの
    時間、例: 180ms）

# inspect --normalize
cli-inspect-arg-normalize =
    プロファイル: --base と一緒に使い、先にプロファイルを
    ベースの合計にそろえる（`go tool pprof -normalize`
    と同じ）。長さの違う実行を割合で比べられる
# Profiler labels (pprof.Do)
cli-inspect-arg-tags = プロファイル: 関数の代わりにプロファイララベル（pprof.Do）とその割合を `go tool pprof -tags` と同じ形で表示します
cli-inspect-arg-tagfocus = プロファイル: ラベルが合うサンプルだけを使います（`go tool pprof -tagfocus` と同じ）: `[KEY=]REGEX[,REGEX...]` または数値の範囲（`32kb`、`1kb:64kb`）
cli-inspect-arg-tagignore = プロファイル: ラベルが合うサンプルを除きます（`go tool pprof -tagignore` と同じ）
