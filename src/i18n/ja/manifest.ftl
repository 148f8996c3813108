# マニフェストのメッセージ（日本語）: workshop.yaml とチェックファイルの問題。
# YAML の読み込みとマニフェストの検証が報告します。

## YAML の読み込み

yaml-unknown = { $what ->
        [key] 不明なキー
        [kind] 不明な種類
       *[other] 不明な { $what }
    } `{ $name }`{ $has_best ->
        [yes] 。`{ $best }` の間違いではありませんか？
       *[no] {""}
    }{ $has_valid ->
        [yes] （有効なもの: { $valid }）
       *[no] （ここにはキーを書けません）
    }
yaml-missing-field = キー `{ $name }` がありません
yaml-duplicate-field = キー `{ $name }` が 2 回書かれています
yaml-expected-found = { $expected }が必要ですが、値は { $found } です
yaml-type-unsigned = 0 以上の整数
yaml-type-integer = 整数
yaml-type-number = 数値
yaml-type-boolean = true か false
yaml-type-string = 文字列
yaml-type-list = リスト
yaml-type-mapping = マッピング
yaml-found-nothing = 空
yaml-not-duration = `{ $text }` は時間ではありません（90s、2m、1m30s のように書いてください）
yaml-unclosed-quote = この引用符が閉じられていません
yaml-tab-indent = この行はタブでインデントされています。YAML のインデントにはスペースしか使えません
yaml-key-cannot-start = ここから `key:` は始められません。この行が上のキーより深くインデントされているか、前の値を引用符で囲む必要があります
yaml-indent-list = この行のインデントが、上のリスト項目（`- `）ともそのマッピングのキーとも揃っていません
yaml-indent-keys = この行のインデントが、上のどのキーとも揃っていません
yaml-unclosed-list = `[` のリストが `]` で閉じられていません
yaml-unclosed-mapping = `{"{"}` のマッピングが `{"}"}` で閉じられていません
yaml-unknown-anchor = `*name` が参照するアンカー（`&name`）が、それより前に定義されていません
yaml-unexpected-end = 値の途中でファイルが終わっています
yaml-bad-character = 値の先頭に置けない文字です。値を引用符で囲んでください

## workshop.yaml と演習

manifest-not-found = { $dir } とその上のどのディレクトリにも workshop.yaml がありません（ワークショップの中で実行するか、--root DIR を指定してください）
manifest-cannot-read = { $path } を読めません
manifest-problems = マニフェストに問題が { $count } 件あります
manifest-unknown-exercise = このワークショップに演習 `{ $id }` はありません{ $suggest ->
        [one] 。`{ $closest }` の間違いではありませんか？
        [many] 。近いもの: { $closest }
       *[none] {""}
    }
manifest-not-in-exercise = 演習を指定するか（`workshop list` で一覧できます）、演習のディレクトリの中で実行してください。{ $dir } はどの演習のディレクトリでもありません
manifest-title-empty = タイトルが空です
manifest-module-missing = { $path } に Go モジュール（go.mod のあるディレクトリ）が必要です
manifest-exercises-empty = 演習のリストが空です
manifest-exercise-twice = 演習 `{ $id }` が 2 回書かれています
manifest-check-file-missing = 演習 `{ $id }` のチェックファイル { $path } がありません

## マニフェストの値

manifest-page-missing = ページ { $path } がありません
manifest-path-empty = パスが空です
manifest-path-leaves = `{ $path }` はワークショップの外を指しています（`..` を含まない相対パスにしてください）
manifest-path-outside = { $path } はワークショップの外（{ $target }）につながっています
manifest-bad-id = `{ $id }` は演習 ID ではありません（heap/01-concat のように、小文字の部分を `/` で区切ってください）
manifest-bad-benchtime = `{ $value }` は -benchtime の値ではありません（100x のような回数か、2s のような時間を書いてください）
manifest-bad-env-name = `{ $name }` は環境変数名ではありません（GOGC のように英字・数字・`_` で書いてください）
manifest-env-reserved = `{ $name }` はランナーが設定する変数です
manifest-env-one-value = `{ $name }` には GOGC: 50 のように値を 1 つだけ書いてください
manifest-env-bad-value = `{ $name }: { $value }` は Go が読める値ではありません（{ $expected }）
manifest-env-expect-gogc = 100 のようなパーセント、または off
manifest-env-expect-gomaxprocs = 1 以上の整数
manifest-env-expect-gomemlimit = 512MiB のような量、または off
manifest-env-expect-godebug = gctrace=1,madvdontneed=1 のような設定
manifest-bad-tag = `{ $tag }` はビルドタグではありません（英字・数字・`_`・`.` で書いてください）
manifest-pattern-rust-only = `{ $part }` は Go の正規表現にない `{ $syntax }` を使っています
manifest-pattern-invalid = `{ $part }` は Go が受け付ける正規表現ではありません: { $why }

## チェックファイル

manifest-package-missing = 演習のパッケージディレクトリ { $path } がありません
manifest-gcflags-empty = gcflags が空です
manifest-pgo-missing = `auto`、`off`、または { $path } の CPU プロファイルが必要です
manifest-run-name-empty = run の名前が空です
manifest-run-twice = run `{ $name }` が 2 回定義されています
manifest-bad-count = count は 1 以上の整数にしてください（値は { $value } です）
manifest-run-needs-pattern = run には `bench:`（実行するベンチマーク）、`test:`（実行するテスト）、`serve:`（負荷をかけるサーバー）のいずれかが必要です
manifest-run-bench-and-test = run に書けるのは `bench:`（実行するベンチマーク）か `test:`（実行するテスト）のどちらか一方です
manifest-pattern-empty = { $key } のパターンが空です
manifest-serve-key = `{ $key }` はサーバーを起動する run のキーです（起動するサーバーを `serve:` に書いてください）
manifest-bench-key = `{ $key }` はベンチマークの run のキーです。サーバーを起動する run に書けるのは `serve`、`load`、`collect` です
manifest-goals-empty = 演習にはゴールが 1 つ以上必要です
manifest-goal-id-empty = ゴールの id が空です
manifest-goal-twice = ゴール `{ $id }` が 2 回定義されています
manifest-goal-needs-load = { $kind } のゴールはサーバーにかけた負荷を測りますが、run `{ $run }` は負荷をかけません（run に `load:` が必要です）
manifest-goal-needs-load-pprof = サーバーを起動する run の { $kind } のゴールは負荷をかけた状態で pprof から取得したものを読みますが、run `{ $run }` は負荷をかけません（run に `load:` が必要です）
manifest-goal-needs-serve = { $kind } のゴールはサーバーを起動する run を読みますが、run `{ $run }` は go test を実行します（`serve:` のある run が必要です）
manifest-goal-needs-go-test = { $kind } のゴールは go test の run を読みますが、run `{ $run }` はサーバーを起動します（`bench:` か `test:` のある run が必要です）
manifest-solution-empty = 解答例にはファイルが 1 つ以上必要です
manifest-solution-missing = 解答例のファイル { $path } がありません

## サーバーを起動する run

manifest-bad-status = `{ $status }` は HTTP ステータスではありません（100 から 599 にしてください）
manifest-bad-whole = 1 から { $most } までの整数にしてください（値は { $value } です）
manifest-load-no-requests = 負荷にはリクエストが 1 つ以上必要です（`- path: /...` を書いてください）
manifest-bad-rate = `{ $rate }` はレートではありません（0 より大きい 1 秒あたりのリクエスト数にしてください）
manifest-duration-and-count = 1 ラウンドの長さは `duration`（時間）か `count`（リクエスト数）のどちらか一方で指定します
manifest-bad-method = `{ $method }` は HTTP メソッドではありません（GET、POST、PUT などにしてください）
manifest-bad-request-path = `{ $path }` はリクエストのパスではありません（`/` で始まり空白を含まないパスにしてください）
manifest-bad-header = `{ $name }` はヘッダー名ではありません
manifest-header-one-line = ヘッダーの値は 1 行で書いてください
manifest-not-collectable = `{ $name }` はここで pprof から取得できるものではありません（cpu、memory、block、mutex、goroutine、trace のいずれかにしてください）

## ゴール: すべてのゴールに共通のキー

goal-no-run = `{ $run }` という名前の run はありません{ $has_best ->
        [yes] 。`{ $best }` の間違いではありませんか？
       *[no] {""}
    }（run: { $runs }）
goal-runs-empty = このゴールにはベンチマークの run が必要ですが、`runs` が空です
goal-which-run = このゴールが使う run を `run:` で指定してください（{ $runs } のいずれか）
goal-bound-both = `at-most` と `at-least` はどちらか一方だけを指定してください
goal-bound-missing = 上限か下限が必要です: `at-most: N` または `at-least: N`
goal-bound-finite = 上限・下限は有限の数にしてください
goal-count-one-of = `at-least`、`at-most`、`exactly` のどれか 1 つを指定してください
goal-out-of-range = `{ $key }: { $value }` はありえない値です: { $what } は { $range }です
goal-range-amount = 0 以上
goal-range-share = 0 から 100 のパーセント
goal-range-count = 0 以上の整数
goal-bad-regex = 正しい正規表現ではありません: { $error }

## 言語ごとのテキスト

text-expected = 文字列、または言語コード（en、ja）から文字列へのマッピング
text-given-twice = `{ $code }` が 2 回書かれています

## チェックファイルのない演習と、workshop.yaml と go.mod の Go のバージョン

manifest-check-file-missing-near = 演習 `{ $id }` のチェックファイル { $path } がありません。チェックファイルのある `{ $closest }` の間違いではありませんか？
manifest-check-file-yml = 演習 `{ $id }` のチェックファイル { $path } がありません。そこにある check.yml は check.yaml という名前にしてください
manifest-go-below-module = workshop.yaml は Go { $go } を求めていますが、{ $path } は go { $needed } を求めており、{ $needed } より古い Go ではビルドできません。`go:` を { $needed } に上げるか、go.mod の go 行を下げてください
## Protected files: the `protected:` globs of a check file

manifest-protected-unmatched = `{ $glob }` に一致するファイルがスターターにありません（ディレクトリ以下のすべてのファイルには `directory/**` と書きます）
manifest-protected-bad-name = `{ $glob }` に空の名前か `.` が含まれています（`fixtures/*.json` のように、パッケージからの相対パスで書きます）
manifest-protected-bad-class = `{ $glob }`: `{ $name }` の `[` の集合が閉じていないか、`/` を含んでいます
## スターターのハッシュ（src/manifest/sums.rs）: checks/<id>/starter.sums

sums-expected-line = `sha256sum` の形式の行が必要です: 16 進数 64 桁、空白 2 つ、パッケージのディレクトリからの相対パス
sums-expected-separator = ハッシュとパスの間には空白が 2 つ必要です
sums-path-empty = パスが空です
sums-path-leaves = `{ $path }` はパッケージのディレクトリの外を指しています（`..` を含まない相対パスにしてください）
sums-bad-escape = `sha256sum` の形式でエスケープされた名前では、バックスラッシュの後には `\\`、`\n`、`\r` しか書けません
sums-twice = { $path } が 2 回書かれています（最初は { $line } 行目）
sums-line-too-long = 行が { $limit } バイトを超えています
sums-not-utf8 = UTF-8 のテキストではありません
sums-too-many = ファイルが { $limit } 個を超えています
sums-too-big = ファイルが { $limit } より大きく、スターターに必要な大きさをはるかに超えています
sums-changed = 変更: { $files }
sums-missing = 欠落: { $files }
sums-extra = 余分: { $files }
sums-and-more = {" "}ほか { $count } 個
sums-separator = {"、"}

## 繰り返し回数のために Go が拒否するパターン

manifest-pattern-repeat = `{ $part }` の `{ $repeat }` は、Go の正規表現が許す { $limit } 回を超えて繰り返しています（go test はこれを拒否します）
## Bounds on YAML files, checked before they are parsed

# `limit` is a size such as `1 MiB`.
yaml-too-large = ファイルが { $limit } を超えています。ワークショップのファイルに必要な大きさをはるかに超えています
# `limit` is a number of levels.
yaml-too-deep = 入れ子が { $limit } 段を超えています（インデント、`-` の項目、`[`/`{"{"}` の数）。ワークショップのファイルに必要な深さをはるかに超えています
## 時間の上限

yaml-duration-too-long = `{ $text }` は長すぎます。ワークショップで待つ時間は最長で 1 週間（7d）です
