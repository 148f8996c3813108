# Messages of goals-measure (Japanese).

## スターターとの比較（bench-relative、at-least-times のプロファイルと負荷のゴール）

versus-no-starter = スターターを計測できませんでした: そのパッケージにテストファイルがありません
versus-subject = { $subject }（スターター比）
versus-positive-ratio = 正の倍率を指定してください（2 倍速いなら 2）
versus-none-left-time = ゼロ（スターターより ∞ 倍速い）
versus-none-left-amount = ゼロ（スターターより ∞ 倍少ない）
versus-none-left-rate = スターターはゼロ（∞ 倍高い）
versus-infinitely-slower = スターターより無限に遅い
versus-infinitely-more = スターターより無限に多い
versus-infinitely-lower = スターターより無限に低い

## bench-metric

bench-metric-not-a-benchmark = `{ $name }` はベンチマークの名前ではありません（BenchmarkXxx の形にしてください）
bench-metric-empty-metric = `metric` が空です
bench-metric-needs-benchmem = { $metric } には run `{ $run }` の `benchmem: true` が必要です
bench-metric-no-output = run `{ $run }` はベンチマークの出力を出しませんでした
bench-metric-not-run = { $benchmark } は実行されませんでした
bench-metric-no-results = 結果を出したベンチマークはありません
bench-metric-ran = 実行されたベンチマーク: { $benchmarks }
bench-metric-no-values = { $benchmark } は { $metric } の値を出しませんでした
bench-metric-units = 出力された単位: { $units }
bench-metric-median-of = { $runs } 回の中央値: { $values }
bench-metric-times-the-limit = { $measured } { $unit } は上限 { $limit } の { $times } 倍です
bench-metric-over-the-limit = { $measured } { $unit }（上限は { $limit }）
bench-metric-below-the-required = { $measured } { $unit } は必要な { $limit } を下回っています
bench-metric-not-exactly = { $measured } { $unit }（基準はちょうど { $limit }）

## bench-relative

bench-relative-no-values = { $benchmark } の { $metric } が、スターターとあなたのコードの一方で出力されませんでした
bench-relative-medians = 中央値: スターター { $starter }、あなたのコード { $mine }（各 { $runs } 回）
bench-relative-medians-p = 中央値: スターター { $starter }、あなたのコード { $mine }（各 { $runs } 回、p={ $p }）
bench-relative-more-repeats = はっきりした結果を得るには、繰り返しを増やし（run の `count` を大きくする）、ほかに動いている重いプログラムを閉じてください

## endpoint

endpoint-not-a-method = `{ $method }` は HTTP メソッドではありません（GET、HEAD、POST などを指定してください）
endpoint-not-a-status = `{ $status }` は HTTP ステータスではありません（100 から 599 を指定してください）
endpoint-not-served-with = `served: false` は URL が何も返さないことを表すので、応答についての `{ $key }` は書けません
endpoint-want-not-served = 提供されないこと
endpoint-no-server = run `{ $run }` はサーバーに到達しませんでした
endpoint-answered = { $method } { $url } の応答は { $status }（{ $size }）
endpoint-answered-not-text = { $method } { $url } の応答は { $status }（{ $size }）: テキストではありません
endpoint-answered-text = { $method } { $url } の応答は { $status }（{ $size }）: { $text }
endpoint-served = { $url } が提供されています（ステータス { $status }）。提供してはいけません
endpoint-no-answer = { $url } は何も返しません。期待するステータスは { $want }
endpoint-wrong-status = { $url } はステータス { $status } を返します。期待するのは { $want }
endpoint-missing-text = { $url } の応答に { $text } が含まれていません

## 負荷のゴールに共通

load-not-a-percentile = `{ $text }` はパーセンタイルではありません（p50、p90、p99、max のいずれかを指定してください）
load-errors-out-of-range = `{ $key }: { $value }` はありえない値です: リクエストの割合は 0 から 100 のパーセントです
load-no-request = run `{ $run }` はリクエストを 1 件も計測しませんでした
load-round-no-request = run `{ $run }` のラウンドの中に、リクエストを 1 件も計測しなかったものがあります
load-no-round = 計測されたラウンドがありません
load-server-fails = サーバーへのリクエスト { $requests } 件中 { $failed } 件が失敗しました（{ $failures }）。失敗するサーバーの応答の速さには意味がありません
load-your-server-fails = あなたのサーバーへのリクエスト { $requests } 件中 { $failed } 件が失敗しました（{ $failures }）。失敗するサーバーの応答の速さには意味がありません

## load-errors

load-errors-share = リクエストの割合
load-errors-subject = 失敗したリクエスト
load-errors-failed = リクエスト { $requests } 件中 { $failed } 件が失敗しました（{ $failures }）

## load-latency

load-latency-not-a-duration = `{ $text }` は時間の長さではありません（20ms や 1.5s のように指定してください）
load-latency-both-bounds = `at-most`（時間の長さ）か `at-least-times`（スターターとの比較）のどちらか一方だけを指定してください
load-latency-no-bound = 基準を指定してください: `at-most: 20ms`、またはスターターと比較する `at-least-times: 2`
load-latency-subject = { $at } レイテンシ
load-latency-over = { $at } レイテンシは { $latency }（基準は { $limit } 以下）
load-latency-per-round = ラウンドごとの { $at }: スターター（{ $starter }）、あなたのコード（{ $mine }）
load-latency-medians = 中央値: スターター { $starter }、あなたのコード { $mine }（各 { $rounds } ラウンド、p={ $p }）
load-latency-last-round = あなたのコードの最後のラウンド: { $round }
load-latency-more-rounds = はっきりした結果を得るには、ラウンドを増やし（run の負荷の `rounds`）、ほかに動いている重いプログラムを閉じてください

## load-throughput

load-throughput-open-loop = run `{ $run }` は固定の `rate` で送信するので、サーバーがどうであれスループットはその rate になります。スループットはクローズドループ（`rate` なし）で計測してください
load-throughput-rate = リクエストのレート
load-throughput-positive-ratio = 正の倍率を指定してください（スターターの 2 倍なら 2）
load-throughput-no-bound = 基準を 1 つ指定してください: `at-least`（1 秒あたりのリクエスト数）か `at-least-times`（スターターとの比較）
load-throughput-subject = スループット
load-throughput-under = サーバーの応答は { $rate } requests/s（基準は { $limit } 以上）
load-throughput-per-round = ラウンドごとの requests/s: スターター（{ $starter }）、あなたのコード（{ $mine }）、p={ $p }

## プロファイルのゴールに共通

profile-none-written = run `{ $run }` は { $profile } プロファイルを書き出しませんでした
profile-no-sample-type = { $profile } プロファイルにはサンプルタイプ `{ $sample }` がありません（あるのは { $types }）
profile-too-few-samples = { $profile } プロファイルのサンプルは { $samples } 個で、判定に必要な { $needed } 個に足りません
profile-run-longer = プロファイラがもっとサンプルを取れるように、ベンチマークを長く実行してください（-benchtime を大きくする）
profile-no-iterations = run `{ $run }` は、op あたりの値を出すのに使うベンチマークの反復回数を報告しませんでした
profile-no-amounts = 交互の実行から比較できる { $sample } の量が得られませんでした
profile-median-range = { $median }（{ $low } から { $high }）
profile-medians = 中央値: スターター { $starter }、あなたのコード { $mine }（交互に各 { $runs } 回、p={ $p }）
profile-starter-shows-nothing = スターターはほとんどの実行で { $sample } を示さなかったため、比較する対象がありません
profile-check-again = ほかに動いているプログラムを減らして、もう一度チェックしてください
profile-top-functions = 上位の関数（{ $sample }、合計 { $total }）:
profile-hottest-paths = { $pattern } に至る主な経路:
profile-unknown-sample = { $profile } プロファイルにはサンプルタイプ `{ $sample }` がありません（指定できるのは { $expected }）
profile-unknown-sample-did-you-mean = { $profile } プロファイルにはサンプルタイプ `{ $sample }` がありません。`{ $best }` のことですか？（指定できるのは { $expected }）
profile-both-bounds = `at-least-times`（スターターとの比較）か `at-most`/`at-least` のどちらか一方だけを指定してください
profile-positive-times = 正の倍率を指定してください

## profile-function

profile-function-share-per-op = 割合はもともと相対的な値です。`per-op` は flat と cum の量にだけ使えます
profile-function-share = 割合
profile-function-amount = プロファイルの量
profile-function-flat = flat
profile-function-cum = cum
profile-function-flat-share = flat の割合
profile-function-cum-share = cum の割合
profile-function-subject = { $pattern } の { $sample } { $measure }
profile-function-none-matching = { $pattern } に一致する関数はあなたのプロファイルにありません
profile-function-holds = { $pattern } に一致する関数が { $amount } を占めています（{ $measure }）

## profile-total

profile-total-a-total = プロファイルの合計
profile-total-subject = { $profile } プロファイルの { $sample } の合計
profile-total-subject-per-op = { $profile } プロファイルの op あたりの { $sample } の合計
profile-total-comes-to = { $profile } プロファイルの { $sample } は合計 { $amount } です

## ゴールの読み込み

goal-read-not-a-mapping = { $path }: ゴールではありません: ゴールは `id`、`kind` とその kind のキーを持つマッピングです
goal-read-no-kind = { $path }: `kind` がありません

## 検定の結果を伝える数値: スターターとの比較の言い方と bench-not-slower

versus-no-difference = スターターとの有意な差はありません（p={ $p }）
versus-no-difference-cell = 有意な差なし（p={ $p }）
versus-is-faster = スターターより { $form ->
    [percent] { $value }% 速い
   *[times] { $value } 倍速い
}
versus-is-slower = スターターより { $form ->
    [percent] { $value }% 遅い
   *[times] { $value } 倍遅い
}
versus-is-less = { $form ->
    [percent] スターターより { $value }% 少ない
   *[times] スターターの { $value } 分の 1
}
versus-is-more = { $form ->
    [percent] スターターより { $value }% 多い
   *[times] スターターの { $value } 倍
}
versus-is-higher = { $form ->
    [percent] スターターより { $value }% 高い
   *[times] スターターの { $value } 倍
}
versus-is-lower = { $form ->
    [percent] スターターより { $value }% 低い
   *[times] スターターの { $value } 分の 1
}
versus-is-same-time = スターターと同じ
versus-is-same-amount = スターターと同じ
versus-wants-faster = { $form ->
    [percent] { $value }% 速くなること
   *[times] { $value } 倍速くなること
}
versus-wants-less = { $form ->
    [percent] { $value }% 少なくなること
   *[times] { $value } 分の 1 になること
}
versus-wants-higher = { $form ->
    [percent] { $value }% 高くなること
   *[times] { $value } 倍になること
}
versus-wants-at-most-slower = { $form ->
    [percent] 遅くなっても { $value }% までであること
   *[times] 遅くなっても { $value } 倍までであること
}
versus-wants-at-most-more = { $form ->
    [percent] 増えても { $value }% までであること
   *[times] 増えても { $value } 倍までであること
}
versus-wants-at-most-lower = { $form ->
    [percent] 下がっても { $value }% までであること
   *[times] 下がっても { $value } 分の 1 までであること
}
versus-short = { $what } は{ $ratio }（ゴール: { $goal }）
versus-not-told-apart = { $lead }。この実行では、{ $what } をスターターと区別できません（ゴール: { $goal }）
versus-maybe-noise = { $lead }。中央値では、{ $what } は{ $ratio }という結果でゴールを満たしますが、この実行ではノイズと区別できません
versus-with-note = { $text }（{ $note }）
versus-too-few-runs = スターターとあなたのコードが各 { $count } 回では、どんな差も有意になりえません
versus-too-few-rounds = スターターとあなたのコードが各 { $count } ラウンドでは、どんな差も有意になりえません
profile-your-sample = あなたのコードの { $sample }
bench-not-slower-exact-metric = { $metric } は実行ごとに変わりません。`bench-metric` のゴールで上限を決めてください
bench-not-slower-not-a-percentage = `10%` のようなパーセントを指定してください（スターターより遅くなってよい割合）
bench-not-slower-starter-met = スターターは `bench-not-slower` のゴールを達成します（スターター自身と同じ速さです）。ゴールに `starter: met` と書いてください
bench-not-slower-medians = 中央値: スターター { $starter }、あなたのコード { $mine }（スターターの { $ratio }、許容は { $bound } まで。各 { $runs } 回、片側検定の p={ $p }）
bench-not-slower-unshown = この実行では、{ $what } について「{ $goal }」を示せません（片側検定の p={ $p } ≥ { $alpha }）。中央値では{ $ratio }
bench-not-slower-too-few = スターターとあなたのコードが各 { $runs } 回では、{ $what } について「{ $goal }」を検定で示せません。run の `count` を { $needed } 以上にしてください
versus-wants-as-fast = スターター以上の速さであること
versus-wants-no-more = スターター以下であること
versus-wants-no-lower = スターター以上であること

# コンパイラの判断についてのゴール（compiler-escape、compiler-inline、compiler-bounds）
compiler-place-function = { $pattern } に一致する関数
compiler-place-near = { $file } の { $pattern } に一致する行
compiler-not-measured = このチェックではコンパイラの判断を求めていません
compiler-not-whole = コンパイラの出力を丸ごと読めなかったため、どれも数えません: { $why }
compiler-place-matches-nothing = { $place } はコンパイルされたものの何にも一致しません（関数: { $top }）
compiler-escape-what = ヒープ上の値
compiler-escape-subject = { $place } のヒープ上の値
compiler-escape-holds = コンパイラは { $place } の値を { $count } 個ヒープに置きます
compiler-bounds-what = 境界チェック
compiler-bounds-subject = { $place } に残る境界チェック
compiler-bounds-holds = コンパイラは { $place } に境界チェックを { $count } 個残します
compiler-inline-subject-can = インライン化できない{ $place }
compiler-inline-subject-cannot = インライン化できる{ $place }
compiler-inline-cannot = コンパイラは { $place } のうち { $count } 個をインライン化できません
compiler-inline-can = コンパイラは { $place } のうち { $count } 個をインライン化できます
compiler-inline-subject-call = { $place } でインライン化された { $call } の呼び出し
compiler-call-not-inlined = { $place } で { $call } の呼び出しはひとつもインライン化されていません
compiler-call-inlined = { $place } で { $call } の呼び出しが { $count } 個インライン化されています
compiler-call-unknown = { $call } はこのパッケージでコンパイラが知るどの関数も指しません（関数: { $top }）
compiler-file-plain = `{ $file }` は演習のパッケージの Go ファイルではありません。`parse.go` のようにファイル名だけを書いてください
compiler-line-zero = 行は 1 から数えます
compiler-line-or-near = 行は `line:`（行番号）か `near:`（行の文字列に対するパターン）のどちらか一方で指定してください
compiler-place = ゴールがどこを見るかを指定してください: `function:`（関数名に対するパターン）、または `file:` と `line:` か `near:`
compiler-inlinable-function = `inlinable:` は関数についてのキーです。関数を `function:` で指定してください
compiler-inlined-needs-call = `inlined:` は呼び出しについてのキーです。呼び出される関数を `call:` で指定してください
compiler-inline-one-of = `inlinable:`（関数がインライン化できること）か `call:`（呼び出しがインライン化されること）のどちらか一方を指定してください
# goroutine リークのプロファイル（Go 1.27 以降）
profile-goroutineleak-needs-go = goroutineleak プロファイルは Go 1.27 以降にあり、このゴールは Go { $found } で判定されることになります。ゴールに `go: "{ $go }"` を指定してください（それより古い Go ではスキップされます）
profile-goroutineleak-absolute = { $profile } プロファイルには絶対的な境界（リークした goroutine がないことを求めるなら at-most: 0）を指定してください。at-least-times は使えません
profile-leaked-goroutines = { $function } を実行中のリークした goroutine { $count } 個（{ $blocked } でブロック中）
profile-leaked-more = …ほかに { $count } 個のスタック
# Profiler labels (pprof.Do): tagfocus/tagignore keys and the profile-label goal
goal-tag-bad = `{ $key }` を使えません: { $error }
goal-tag-range = `{ $key }: { $filter }` は go tool pprof では数値の範囲として読まれ、数値のラベルにしか合いません。Go が数値のラベルを書くのはメモリプロファイル（`bytes`）だけなので、{ $profile } プロファイルでは何にも合いません。数字だけではない正規表現（`^7$`）で書いてください
goal-tag-filters = 判定したサンプル: { $filters } で残るもの
profile-label-which-profile = Go が pprof.Do のラベルを書くのは CPU と goroutine のプロファイルです。{ $profile } プロファイルには判定するラベルがありません
profile-label-empty-key = `key` にはラベルの名前（`endpoint` など）を書きます
profile-label-cannot-fail = 割合は常に 0% から 100% の間にあるので、この範囲では失敗しようがありません
profile-label-subject = { $profile } プロファイルの { $sample } のうちラベル { $label } の分
profile-label-none = { $profile } プロファイルのどのサンプルにもプロファイララベルが付いていません。処理を `pprof.Do(ctx, pprof.Labels(…), …)` で包んで、サンプルに { $label } が付くようにしてください
profile-label-holds = { $label } の付いたサンプルは { $amount } で、プロファイルの { $share } です
profile-label-table = プロファイルのラベル（go tool pprof -tags と同じ形）:
# build-pgo: プロファイルガイド最適化 (PGO) でビルドされた演習のコマンド。
build-pgo-subject = ビルドに使われた CPU プロファイル（PGO）
build-pgo-want = { $pattern } を含むもの
build-pgo-min-samples-zero = 1 以上のサンプル数が必要です。ホットなコードのサンプルを持たないプロファイルは最適化の手がかりになりません
build-pgo-not-built = このチェックではプログラムをビルドしていないため、ビルドを判定できません
build-pgo-no-program = `go build` で { $package } のプログラムが作られませんでした。PGO は main パッケージのディレクトリにある `default.pgo` を使いますが、このパッケージは main パッケージではありません
build-pgo-no-build-info = `go version -m` でプログラムのビルド情報を読めませんでした: { $words }
build-pgo-no-profile = プログラムはプロファイルなしでビルドされています。ビルド情報（`go version -m`、{ $go }）に -pgo の設定がありません
build-pgo-built-with = { $go } で -pgo={ $path } を指定してビルドされています
build-pgo-empty = プロファイル { $path } は空（0 バイト）です。これではコンパイラが手がかりにできるものがありません
build-pgo-damaged = プロファイル { $path } を読めません: { $why }
build-pgo-not-cpu = { $path } は CPU プロファイルではありません。サンプルの種類は { $types } です
build-pgo-no-samples = CPU プロファイル { $path } にはサンプルがありません
build-pgo-uncovered = プロファイルの CPU サンプル { $total } 個のうち、{ $pattern } のものは { $covered } 個です。コンパイラがそのコードをホットと判断するには { $min } 個以上必要です
build-pgo-covers = プロファイルには CPU サンプルが { $total } 個あり、そのうち { $covered } 個（{ $share }）が { $functions } のものです
build-pgo-this-profile = このチェックで取ったあなたのコードの CPU プロファイル: { $path }（{ $target } にコピーしてください）
