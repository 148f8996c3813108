# 実行時メッセージの日本語版。en.ftl のキーはすべてここにもあります（欠けるとテストが失敗します）。
# 値は整形済みで渡されます（数値と単位、file:line の場所、名前はそのまま）。

## 共通の語

label-note = 注:
label-hint = ヒント:
label-warning = 警告:
label-error = エラー:
label-fix = 対処:
label-next = 次:
want = 目標 { $bound }
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
