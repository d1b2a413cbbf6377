<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name></name>
    <message>
        <location filename="../../app.py" line="54"/>
        <source>Make it a Roadmap Planner workspace? Nothing in it is lost: it is empty.</source>
        <translation>Roadmap Planner のワークスペースにしますか？ 中身は空なので、失われるものはありません。</translation>
    </message>
    <message>
        <location filename="../../app.py" line="55"/>
        <source>Make It a Workspace</source>
        <translation>ワークスペースにする</translation>
    </message>
    <message>
        <location filename="../../app.py" line="67"/>
        <source>Restore the newest backup, from {when} (items: {items}, requests: {requests})? The damaged file is kept beside it.</source>
        <translation>最新のバックアップ（{when}、項目 {items} 件、要望 {requests} 件）を復元しますか？ 破損したファイルはそのまま横に残します。</translation>
    </message>
    <message>
        <location filename="../../app.py" line="71"/>
        <source>Restore Backup</source>
        <translation>バックアップを復元</translation>
    </message>
    <message>
        <location filename="../../dialogs/welcome.py" line="20"/>
        <source>Your first item: something to build that customers ask for, in a few words, such as “Single sign-on with Okta”. Only the title is needed; estimates can wait until you score it.</source>
        <translation>最初の項目：顧客から求められている作るべきものを短く書いてください（例：「Okta でシングルサインオン」）。必要なのはタイトルだけです。見積もりはスコアを付けるときで構いません。</translation>
    </message>
    <message>
        <location filename="../../dialogs/welcome.py" line="30"/>
        <source>Welcome to Roadmap Planner</source>
        <translation>Roadmap Planner へようこそ</translation>
    </message>
    <message>
        <location filename="../../dialogs/welcome.py" line="32"/>
        <source>This workspace is empty. How would you like to start?</source>
        <translation>このワークスペースは空です。どのように始めますか？</translation>
    </message>
    <message>
        <location filename="../../dialogs/welcome.py" line="36"/>
        <source>Try the demo</source>
        <translation>デモを試す</translation>
    </message>
    <message>
        <location filename="../../dialogs/welcome.py" line="37"/>
        <source>A B2B SaaS backlog with customer requests, scored and planned, to look around.</source>
        <translation>顧客要望付きの B2B SaaS バックログ（スコア付け・計画済み）で操作を試せます。</translation>
    </message>
    <message>
        <location filename="../../dialogs/welcome.py" line="38"/>
        <source>Import what you have</source>
        <translation>手元のデータを取り込む</translation>
    </message>
    <message>
        <location filename="../../dialogs/welcome.py" line="39"/>
        <source>A backlog, customer requests or a CRM account list, from a CSV or Excel file.</source>
        <translation>バックログ、顧客要望、CRM の取引先一覧を CSV または Excel ファイルから取り込みます。</translation>
    </message>
    <message>
        <location filename="../../dialogs/welcome.py" line="40"/>
        <source>Start empty</source>
        <translation>空の状態で始める</translation>
    </message>
    <message>
        <location filename="../../dialogs/welcome.py" line="41"/>
        <source>Add your first item now; import and score when you are ready.</source>
        <translation>まず最初の項目を追加し、取り込みやスコア付けは準備ができてから行います。</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="542"/>
        <location filename="../../operations/companies.py" line="26"/>
        <location filename="../../operations/items.py" line="23"/>
        <source>blank</source>
        <translation>空欄</translation>
    </message>
    <message>
        <location filename="../../backlog/dialogs.py" line="22"/>
        <source>Edit {n} items</source>
        <translation>{n}件の項目を編集</translation>
    </message>
    <message>
        <location filename="../../backlog/detail.py" line="48"/>
        <location filename="../../backlog/detail_form.py" line="322"/>
        <location filename="../../backlog/dialogs.py" line="24"/>
        <location filename="../../backlog/model.py" line="55"/>
        <location filename="../../backlog/new_item.py" line="62"/>
        <location filename="../../changes/model.py" line="19"/>
        <location filename="../../dialogs/release_notes.py" line="51"/>
        <location filename="../../import_wizard/labels.py" line="26"/>
        <location filename="../../inbox/choices.py" line="78"/>
        <location filename="../../inbox/choices.py" line="116"/>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="333"/>
        <location filename="../../backlog/dialogs.py" line="28"/>
        <location filename="../../backlog/model.py" line="57"/>
        <location filename="../../backlog/new_item.py" line="64"/>
        <location filename="../../changes/model.py" line="18"/>
        <location filename="../../dialogs/lanes.py" line="34"/>
        <location filename="../../import_wizard/labels.py" line="35"/>
        <source>Lane</source>
        <translation>レーン</translation>
    </message>
    <message>
        <location filename="../../backlog/dialogs.py" line="30"/>
        <location filename="../../backlog/filters.py" line="58"/>
        <location filename="../../backlog/new_item.py" line="38"/>
        <location filename="../../backlog/view.py" line="470"/>
        <source>No lane</source>
        <translation>レーンなし</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="323"/>
        <location filename="../../backlog/dialogs.py" line="33"/>
        <location filename="../../backlog/model.py" line="58"/>
        <location filename="../../backlog/new_item.py" line="63"/>
        <location filename="../../import_wizard/labels.py" line="33"/>
        <source>Theme</source>
        <translation>テーマ</translation>
    </message>
    <message>
        <location filename="../../backlog/dialogs.py" line="40"/>
        <source>The ticked fields are set on all {n} items; the others stay as they are.</source>
        <translation>チェックした項目は{n}件すべてに設定されます。その他はそのままです。</translation>
    </message>
    <message>
        <location filename="../../backlog/filters.py" line="24"/>
        <source>Search titles and themes…</source>
        <translation>タイトルとテーマを検索…</translation>
    </message>
    <message>
        <location filename="../../backlog/filters.py" line="28"/>
        <location filename="../../roadmap/view.py" line="73"/>
        <source>All statuses</source>
        <translation>すべてのステータス</translation>
    </message>
    <message>
        <location filename="../../backlog/filters.py" line="29"/>
        <location filename="../../roadmap/view.py" line="69"/>
        <source>All kinds</source>
        <translation>すべての種類</translation>
    </message>
    <message>
        <location filename="../../backlog/filters.py" line="30"/>
        <location filename="../../backlog/filters.py" line="57"/>
        <location filename="../../roadmap/view.py" line="152"/>
        <source>All themes</source>
        <translation>すべてのテーマ</translation>
    </message>
    <message>
        <location filename="../../backlog/filters.py" line="31"/>
        <location filename="../../backlog/filters.py" line="58"/>
        <source>All lanes</source>
        <translation>すべてのレーン</translation>
    </message>
    <message>
        <location filename="../../backlog/filters.py" line="32"/>
        <source>Single-customer only</source>
        <translation>単一顧客のみ</translation>
    </message>
    <message>
        <location filename="../../backlog/view.py" line="158"/>
        <location filename="../../backlog/view.py" line="389"/>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../backlog/view.py" line="159"/>
        <source>Edit selected…</source>
        <translation>選択を編集…</translation>
    </message>
    <message>
        <location filename="../../backlog/detail.py" line="103"/>
        <location filename="../../backlog/detail.py" line="243"/>
        <location filename="../../backlog/view.py" line="160"/>
        <source>Pin rank…</source>
        <translation>順位を固定…</translation>
    </message>
    <message>
        <location filename="../../backlog/view.py" line="81"/>
        <source>Compare the ranks with a snapshot: the Move column shows how far each item moved since</source>
        <translation>順位をスナップショットと比べます。「変動」列に、その時点から各項目が何位動いたかを表示します</translation>
    </message>
    <message>
        <location filename="../../backlog/view.py" line="82"/>
        <location filename="../../backlog/view.py" line="243"/>
        <source>No comparison</source>
        <translation>比較しない</translation>
    </message>
    <message>
        <location filename="../../backlog/view.py" line="85"/>
        <location filename="../../changes/view.py" line="58"/>
        <source>Since:</source>
        <translation>比較対象:</translation>
    </message>
    <message>
        <location filename="../../backlog/view.py" line="120"/>
        <source>No items yet. Add the first one, or bring in the backlog or the requests you have (File ▸ Import…).</source>
        <translation>まだ項目がありません。最初の項目を追加するか、手元のバックログや要望を取り込んでください（ファイル ▸ インポート…）。</translation>
    </message>
    <message>
        <location filename="../../backlog/view.py" line="121"/>
        <location filename="../../backlog/view.py" line="460"/>
        <location filename="../../matrix/view.py" line="72"/>
        <location filename="../../matrix/view.py" line="160"/>
        <location filename="../../roadmap/view.py" line="107"/>
        <location filename="../../roadmap/view.py" line="242"/>
        <source>New Item…</source>
        <translation>新規項目…</translation>
    </message>
    <message>
        <location filename="../../backlog/view.py" line="125"/>
        <source>Import a Spreadsheet…</source>
        <translation>スプレッドシートをインポート…</translation>
    </message>
    <message>
        <location filename="../../backlog/view.py" line="126"/>
        <source>Your RICE sheet, a Jira or Linear export, or requests: CSV or Excel</source>
        <translation>RICE のシート、Jira や Linear のエクスポート、要望の一覧（CSV または Excel）</translation>
    </message>
    <message>
        <location filename="../../backlog/view.py" line="286"/>
        <location filename="../../backlog/view.py" line="387"/>
        <location filename="../../roadmap/painter.py" line="203"/>
        <source>{n} items</source>
        <translation>{n}件</translation>
    </message>
    <message>
        <location filename="../../backlog/view.py" line="287"/>
        <source>{shown} of {total} items</source>
        <translation>{total}件中{shown}件</translation>
    </message>
    <message>
        <location filename="../../backlog/view.py" line="289"/>
        <source>Rescoring…</source>
        <translation>再スコアリング中…</translation>
    </message>
    <message>
        <location filename="../../backlog/view.py" line="386"/>
        <source>“{title}”</source>
        <translation>「{title}」</translation>
    </message>
    <message>
        <location filename="../../backlog/view.py" line="390"/>
        <source>Delete {what}? {n} linked requests will go back to the inbox. Edit &gt; Undo puts it all back.</source>
        <translation>{what}を削除しますか？紐づく{n}件の要望は受信箱に戻ります。「編集 &gt; 元に戻す」ですべて元に戻せます。</translation>
    </message>
    <message>
        <location filename="../../backlog/view.py" line="399"/>
        <source>Deleted {n} item(s); {m} requests went back to the inbox.</source>
        <translation>{n}件の項目を削除しました。{m}件の要望が受信箱に戻りました。</translation>
    </message>
    <message>
        <location filename="../../backlog/view.py" line="400"/>
        <source>Deleted {n} item(s).</source>
        <translation>{n}件の項目を削除しました。</translation>
    </message>
    <message>
        <location filename="../../backlog/view.py" line="430"/>
        <source>Duplicated as “{title}”; its requests stay linked to the original only.</source>
        <translation>「{title}」として複製しました。要望は元の項目にだけ紐付いたままです。</translation>
    </message>
    <message>
        <location filename="../../backlog/view.py" line="445"/>
        <source>Merged {n} item(s) into “{title}”; {m} requests moved to it.</source>
        <translation>{n}件の項目を「{title}」に統合しました。{m}件の要望が移りました。</translation>
    </message>
    <message>
        <location filename="../../backlog/view.py" line="478"/>
        <source>Duplicate</source>
        <translation>複製</translation>
    </message>
    <message>
        <location filename="../../backlog/view.py" line="480"/>
        <source>Merge Items…</source>
        <translation>項目を統合…</translation>
    </message>
    <message>
        <location filename="../../operations/items.py" line="15"/>
        <source>effort</source>
        <translation>工数</translation>
    </message>
    <message>
        <location filename="../../operations/items.py" line="15"/>
        <source>reach</source>
        <translation>リーチ</translation>
    </message>
    <message>
        <location filename="../../operations/items.py" line="15"/>
        <source>impact</source>
        <translation>インパクト</translation>
    </message>
    <message>
        <location filename="../../operations/items.py" line="16"/>
        <source>confidence</source>
        <translation>確度</translation>
    </message>
    <message>
        <location filename="../../operations/items.py" line="16"/>
        <source>value</source>
        <translation>価値</translation>
    </message>
    <message>
        <location filename="../../operations/items.py" line="16"/>
        <source>title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <location filename="../../operations/items.py" line="17"/>
        <source>description</source>
        <translation>説明</translation>
    </message>
    <message>
        <location filename="../../operations/items.py" line="17"/>
        <source>owner</source>
        <translation>担当者</translation>
    </message>
    <message>
        <location filename="../../operations/items.py" line="17"/>
        <source>tags</source>
        <translation>タグ</translation>
    </message>
    <message>
        <location filename="../../operations/items.py" line="49"/>
        <location filename="../../operations/items.py" line="123"/>
        <source>Set {field} of “{title}” to {value}</source>
        <translation>「{title}」の{field}を{value}に設定</translation>
    </message>
    <message>
        <location filename="../../operations/items.py" line="57"/>
        <source>Add item “{title}”</source>
        <translation>項目「{title}」を追加</translation>
    </message>
    <message>
        <location filename="../../operations/items.py" line="65"/>
        <source>Change {fields} of {n} items</source>
        <translation>{n}件の{fields}を変更</translation>
    </message>
    <message>
        <location filename="../../operations/items.py" line="66"/>
        <location filename="../../operations/items.py" line="120"/>
        <source>Change {fields} of “{title}”</source>
        <translation>「{title}」の{fields}を変更</translation>
    </message>
    <message>
        <location filename="../../operations/items.py" line="72"/>
        <source>Delete “{title}”</source>
        <translation>「{title}」を削除</translation>
    </message>
    <message>
        <location filename="../../operations/items.py" line="73"/>
        <source>Delete {n} items</source>
        <translation>{n}件の項目を削除</translation>
    </message>
    <message>
        <location filename="../../operations/items.py" line="79"/>
        <source>Pin “{title}” at rank {rank}</source>
        <translation>「{title}」を{rank}位に固定</translation>
    </message>
    <message>
        <location filename="../../operations/items.py" line="80"/>
        <source>Unpin “{title}”</source>
        <translation>「{title}」の固定を解除</translation>
    </message>
    <message>
        <location filename="../../operations/items.py" line="102"/>
        <source>reach source</source>
        <translation>リーチの算出元</translation>
    </message>
    <message>
        <location filename="../../operations/items.py" line="102"/>
        <source>metric</source>
        <translation>指標</translation>
    </message>
    <message>
        <location filename="../../operations/items.py" line="102"/>
        <source>metric share</source>
        <translation>指標の割合</translation>
    </message>
    <message>
        <location filename="../../operations/items.py" line="103"/>
        <source>ease</source>
        <translation>容易さ</translation>
    </message>
    <message>
        <location filename="../../operations/items.py" line="104"/>
        <source>business value</source>
        <translation>ビジネス価値</translation>
    </message>
    <message>
        <location filename="../../operations/items.py" line="104"/>
        <source>time criticality</source>
        <translation>時間的緊急性</translation>
    </message>
    <message>
        <location filename="../../operations/items.py" line="105"/>
        <source>risk reduction</source>
        <translation>リスク低減</translation>
    </message>
    <message>
        <location filename="../../operations/items.py" line="105"/>
        <source>job size</source>
        <translation>ジョブサイズ</translation>
    </message>
    <message>
        <location filename="../../operations/items.py" line="105"/>
        <source>start date</source>
        <translation>開始日</translation>
    </message>
    <message>
        <location filename="../../operations/items.py" line="106"/>
        <source>end date</source>
        <translation>終了日</translation>
    </message>
    <message>
        <location filename="../../operations/items.py" line="106"/>
        <source>impact low</source>
        <translation>インパクト下限</translation>
    </message>
    <message>
        <location filename="../../operations/items.py" line="106"/>
        <source>impact high</source>
        <translation>インパクト上限</translation>
    </message>
    <message>
        <location filename="../../operations/items.py" line="107"/>
        <source>confidence low</source>
        <translation>確度下限</translation>
    </message>
    <message>
        <location filename="../../operations/items.py" line="107"/>
        <source>confidence high</source>
        <translation>確度上限</translation>
    </message>
    <message>
        <location filename="../../operations/items.py" line="108"/>
        <source>effort low</source>
        <translation>工数下限</translation>
    </message>
    <message>
        <location filename="../../operations/items.py" line="108"/>
        <source>effort high</source>
        <translation>工数上限</translation>
    </message>
    <message>
        <location filename="../../operations/items.py" line="130"/>
        <source>Duplicate “{title}”</source>
        <translation>「{title}」を複製</translation>
    </message>
    <message>
        <location filename="../../operations/items.py" line="138"/>
        <source>Merge “{other}” into “{title}”</source>
        <translation>「{other}」を「{title}」に統合</translation>
    </message>
    <message>
        <location filename="../../operations/items.py" line="139"/>
        <source>Merge {n} items into “{title}”</source>
        <translation>{n}件の項目を「{title}」に統合</translation>
    </message>
    <message>
        <location filename="../../backlog/view.py" line="466"/>
        <source>Set status</source>
        <translation>ステータスを設定</translation>
    </message>
    <message>
        <location filename="../../backlog/view.py" line="469"/>
        <source>Move to lane</source>
        <translation>レーンへ移動</translation>
    </message>
    <message>
        <location filename="../../backlog/detail.py" line="104"/>
        <location filename="../../backlog/view.py" line="477"/>
        <source>Unpin</source>
        <translation>固定を解除</translation>
    </message>
    <message>
        <location filename="../../backlog/model.py" line="32"/>
        <source>Pin</source>
        <translation>固定</translation>
    </message>
    <message>
        <location filename="../../backlog/model.py" line="32"/>
        <source>Pinned to a rank by hand</source>
        <translation>手動で順位を固定</translation>
    </message>
    <message>
        <location filename="../../backlog/dialogs.py" line="89"/>
        <location filename="../../backlog/history_chart.py" line="122"/>
        <location filename="../../backlog/model.py" line="33"/>
        <location filename="../../changes/model.py" line="17"/>
        <source>Rank</source>
        <translation>順位</translation>
    </message>
    <message>
        <location filename="../../backlog/model.py" line="33"/>
        <source>Rank by score (pinned items keep their rank)</source>
        <translation>スコアによる順位(固定した項目は順位を維持)</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="318"/>
        <location filename="../../backlog/model.py" line="35"/>
        <location filename="../../backlog/new_item.py" line="59"/>
        <location filename="../../import_wizard/labels.py" line="14"/>
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <location filename="../../backlog/detail.py" line="124"/>
        <location filename="../../backlog/history_chart.py" line="121"/>
        <location filename="../../backlog/model.py" line="36"/>
        <location filename="../../import_wizard/labels.py" line="49"/>
        <source>Score</source>
        <translation>スコア</translation>
    </message>
    <message>
        <location filename="../../backlog/model.py" line="36"/>
        <source>The score of the chosen method; hover a score for its explanation</source>
        <translation>選択した方式のスコア。スコアにカーソルを合わせると説明が表示されます</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="51"/>
        <location filename="../../backlog/detail_form.py" line="343"/>
        <location filename="../../backlog/explanation.py" line="29"/>
        <location filename="../../backlog/model.py" line="37"/>
        <location filename="../../import_wizard/labels.py" line="36"/>
        <source>Reach</source>
        <translation>リーチ</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="348"/>
        <location filename="../../backlog/detail_form.py" line="363"/>
        <location filename="../../backlog/explanation.py" line="30"/>
        <location filename="../../backlog/model.py" line="38"/>
        <location filename="../../backlog/new_item.py" line="66"/>
        <location filename="../../import_wizard/labels.py" line="37"/>
        <source>Impact</source>
        <translation>インパクト</translation>
    </message>
    <message>
        <location filename="../../backlog/model.py" line="38"/>
        <source>RICE impact: 3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal</source>
        <translation>RICE のインパクト: 3 非常に大、2 大、1 中、0.5 小、0.25 極小</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="349"/>
        <location filename="../../backlog/detail_form.py" line="364"/>
        <location filename="../../backlog/explanation.py" line="31"/>
        <location filename="../../backlog/model.py" line="39"/>
        <location filename="../../backlog/new_item.py" line="67"/>
        <location filename="../../import_wizard/labels.py" line="38"/>
        <source>Confidence</source>
        <translation>確度</translation>
    </message>
    <message>
        <location filename="../../backlog/model.py" line="39"/>
        <source>How sure the estimates are, in percent</source>
        <translation>見積もりの確からしさ(%)</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="351"/>
        <location filename="../../backlog/explanation.py" line="32"/>
        <location filename="../../backlog/model.py" line="40"/>
        <location filename="../../backlog/new_item.py" line="65"/>
        <location filename="../../import_wizard/labels.py" line="39"/>
        <source>Effort</source>
        <translation>工数</translation>
    </message>
    <message>
        <location filename="../../backlog/model.py" line="40"/>
        <source>Person-months</source>
        <translation>人月</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="352"/>
        <location filename="../../backlog/explanation.py" line="33"/>
        <location filename="../../backlog/explanation.py" line="159"/>
        <location filename="../../backlog/model.py" line="41"/>
        <location filename="../../import_wizard/labels.py" line="40"/>
        <source>Value</source>
        <translation>価値</translation>
    </message>
    <message>
        <location filename="../../backlog/model.py" line="41"/>
        <source>Business value, for value/effort</source>
        <translation>ビジネス価値(価値/工数で使用)</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="30"/>
        <location filename="../../backlog/explanation.py" line="39"/>
        <location filename="../../backlog/model.py" line="50"/>
        <location filename="../../companies/model.py" line="25"/>
        <location filename="../../dialogs/backups.py" line="47"/>
        <location filename="../../dialogs/release_notes.py" line="107"/>
        <source>Requests</source>
        <translation>要望</translation>
    </message>
    <message>
        <location filename="../../backlog/model.py" line="50"/>
        <source>Customer requests linked, duplicates and archived ones left out</source>
        <translation>紐付いた顧客要望の数(重複とアーカイブは除く)</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="31"/>
        <location filename="../../backlog/explanation.py" line="40"/>
        <location filename="../../backlog/model.py" line="51"/>
        <location filename="../../companies/dialogs.py" line="76"/>
        <location filename="../../import_wizard/kinds.py" line="24"/>
        <location filename="../../main_window.py" line="49"/>
        <source>Companies</source>
        <translation>企業</translation>
    </message>
    <message>
        <location filename="../../backlog/model.py" line="51"/>
        <source>Distinct companies asking</source>
        <translation>要望している企業の数(重複なし)</translation>
    </message>
    <message>
        <location filename="../../backlog/detail.py" line="46"/>
        <location filename="../../backlog/detail_form.py" line="33"/>
        <location filename="../../backlog/explanation.py" line="41"/>
        <location filename="../../backlog/model.py" line="52"/>
        <location filename="../../companies/model.py" line="21"/>
        <location filename="../../import_wizard/labels.py" line="21"/>
        <location filename="../../operations/companies.py" line="14"/>
        <source>MRR</source>
        <translation>MRR</translation>
    </message>
    <message>
        <location filename="../../backlog/model.py" line="52"/>
        <source>Monthly revenue of the companies asking</source>
        <translation>要望企業の月次売上</translation>
    </message>
    <message>
        <location filename="../../backlog/model.py" line="53"/>
        <source>Breadth</source>
        <translation>広がり</translation>
    </message>
    <message>
        <location filename="../../backlog/model.py" line="53"/>
        <source>Whether one customer brings most of the demand</source>
        <translation>需要の大半が1社によるものかどうか</translation>
    </message>
    <message>
        <location filename="../../backlog/model.py" line="54"/>
        <source>Stability</source>
        <translation>安定度</translation>
    </message>
    <message>
        <location filename="../../backlog/model.py" line="54"/>
        <source>How stable the rank is across the estimate ranges</source>
        <translation>見積もりの幅の中で順位がどれだけ安定しているか</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="321"/>
        <location filename="../../backlog/model.py" line="56"/>
        <location filename="../../backlog/new_item.py" line="61"/>
        <location filename="../../dialogs/lanes.py" line="35"/>
        <location filename="../../import_wizard/labels.py" line="32"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../backlog/model.py" line="34"/>
        <source>Places moved up (↑) or down (↓) since the snapshot chosen in Since</source>
        <translation>「比較対象」で選んだスナップショットからの順位の上昇(↑)・下降(↓)</translation>
    </message>
    <message>
        <location filename="../../backlog/model.py" line="37"/>
        <source>How many are reached per quarter, from the reach source; a number typed here becomes the item&apos;s own reach</source>
        <translation>四半期あたりに届く数（リーチの出どころから）。ここに数値を入力すると、その項目独自のリーチになります</translation>
    </message>
    <message>
        <location filename="../../backlog/model.py" line="42"/>
        <location filename="../../operations/items.py" line="103"/>
        <source>ICE impact</source>
        <translation>インパクト</translation>
    </message>
    <message>
        <location filename="../../backlog/model.py" line="42"/>
        <source>ICE impact, from 1 to 10</source>
        <translation>ICE のインパクト（1〜10）</translation>
    </message>
    <message>
        <location filename="../../backlog/model.py" line="43"/>
        <location filename="../../operations/items.py" line="103"/>
        <source>ICE confidence</source>
        <translation>確度</translation>
    </message>
    <message>
        <location filename="../../backlog/model.py" line="43"/>
        <source>ICE confidence, from 1 to 10</source>
        <translation>ICE の確度（1〜10）</translation>
    </message>
    <message>
        <location filename="../../backlog/model.py" line="44"/>
        <source>ICE ease, from 1 to 10</source>
        <translation>ICE の容易さ（1〜10）</translation>
    </message>
    <message>
        <location filename="../../backlog/model.py" line="45"/>
        <source>WSJF business value, from 1 to 20</source>
        <translation>WSJF のビジネス価値（1〜20）</translation>
    </message>
    <message>
        <location filename="../../backlog/model.py" line="46"/>
        <source>WSJF time criticality, from 1 to 20</source>
        <translation>WSJF の時間的緊急性（1〜20）</translation>
    </message>
    <message>
        <location filename="../../backlog/model.py" line="48"/>
        <source>WSJF risk reduction or opportunity enablement, from 1 to 20</source>
        <translation>WSJF のリスク低減・機会創出（1〜20）</translation>
    </message>
    <message>
        <location filename="../../backlog/model.py" line="49"/>
        <source>WSJF job size: 1, 2, 3, 5, 8, 13 or 20</source>
        <translation>WSJF のジョブサイズ：1、2、3、5、8、13、20 のいずれか</translation>
    </message>
    <message>
        <location filename="../../backlog/model.py" line="114"/>
        <location filename="../../changes/model.py" line="67"/>
        <source>new</source>
        <translation>新規</translation>
    </message>
    <message>
        <location filename="../../backlog/model.py" line="165"/>
        <source>single</source>
        <translation>単一顧客</translation>
    </message>
    <message>
        <location filename="../../backlog/model.py" line="444"/>
        <source>New since {since}</source>
        <translation>{since} 以降に追加</translation>
    </message>
    <message>
        <location filename="../../backlog/model.py" line="446"/>
        <source>Same rank as at {since}</source>
        <translation>{since} と同じ順位</translation>
    </message>
    <message>
        <location filename="../../backlog/model.py" line="448"/>
        <source>Up {n} places since {since}</source>
        <translation>{since} から {n} 位上昇</translation>
    </message>
    <message>
        <location filename="../../backlog/model.py" line="448"/>
        <source>Down {n} places since {since}</source>
        <translation>{since} から {n} 位下降</translation>
    </message>
    <message>
        <location filename="../../backlog/model.py" line="461"/>
        <source>Not scored: {missing}</source>
        <translation>未スコア：{missing}</translation>
    </message>
    <message>
        <location filename="../../backlog/model.py" line="462"/>
        <source>Not scored yet: fill in the estimates.</source>
        <translation>未スコア:見積もりを入力してください。</translation>
    </message>
    <message>
        <location filename="../../backlog/model.py" line="467"/>
        <source>Missing: the score needs it</source>
        <translation>未入力：スコアの計算に必要です</translation>
    </message>
    <message>
        <location filename="../../backlog/model.py" line="470"/>
        <source>Pinned at rank {rank} (by score: {computed}). {why}</source>
        <translation>{rank}位に固定(スコア順では{computed}位)。{why}</translation>
    </message>
    <message>
        <location filename="../../backlog/model.py" line="475"/>
        <source>{company} brings {share} of the demand</source>
        <translation>需要の{share}が{company}によるもの</translation>
    </message>
    <message>
        <location filename="../../backlog/model.py" line="476"/>
        <source>One company</source>
        <translation>1社のみ</translation>
    </message>
    <message>
        <location filename="../../backlog/model.py" line="477"/>
        <source>most</source>
        <translation>大半</translation>
    </message>
    <message>
        <location filename="../../backlog/model.py" line="480"/>
        <source>Reach from: {source}</source>
        <translation>リーチの算出元: {source}</translation>
    </message>
    <message>
        <location filename="../../dialogs/batches.py" line="36"/>
        <source>Batch</source>
        <translation>バッチ</translation>
    </message>
    <message>
        <location filename="../../dialogs/batches.py" line="37"/>
        <source>Imported</source>
        <translation>インポート日時</translation>
    </message>
    <message>
        <location filename="../../dialogs/batches.py" line="38"/>
        <location filename="../../dialogs/export.py" line="93"/>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="337"/>
        <location filename="../../dialogs/batches.py" line="39"/>
        <location filename="../../import_wizard/labels.py" line="29"/>
        <location filename="../../inbox/filters.py" line="43"/>
        <location filename="../../inbox/model.py" line="98"/>
        <source>Source</source>
        <translation>ソース</translation>
    </message>
    <message>
        <location filename="../../dialogs/batches.py" line="40"/>
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <location filename="../../dialogs/batches.py" line="41"/>
        <location filename="../../import_wizard/result_page.py" line="60"/>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../dialogs/batches.py" line="42"/>
        <source>Unchanged</source>
        <translation>変更なし</translation>
    </message>
    <message>
        <location filename="../../dialogs/batches.py" line="43"/>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <location filename="../../dialogs/batches.py" line="44"/>
        <source>Requests now</source>
        <translation>現在の要望数</translation>
    </message>
    <message>
        <location filename="../../dialogs/batches.py" line="45"/>
        <source>Undone</source>
        <translation>取り消し日時</translation>
    </message>
    <message>
        <location filename="../../dialogs/batches.py" line="66"/>
        <source>Encoding</source>
        <translation>文字コード</translation>
    </message>
    <message>
        <location filename="../../dialogs/batches.py" line="66"/>
        <source>Preset</source>
        <translation>プリセット</translation>
    </message>
    <message>
        <location filename="../../dialogs/batches.py" line="70"/>
        <source>Mapping</source>
        <translation>マッピング</translation>
    </message>
    <message>
        <location filename="../../dialogs/batches.py" line="79"/>
        <source>Import batches</source>
        <translation>インポート履歴</translation>
    </message>
    <message>
        <location filename="../../dialogs/batches.py" line="83"/>
        <source>Nothing has been imported into this workspace yet.</source>
        <translation>このワークスペースにはまだ何もインポートされていません。</translation>
    </message>
    <message>
        <location filename="../../dialogs/batches.py" line="84"/>
        <source>Undo import…</source>
        <translation>インポートを取り消す…</translation>
    </message>
    <message>
        <location filename="../../dialogs/batches.py" line="85"/>
        <source>Remove the requests this import added, and companies nothing else uses</source>
        <translation>このインポートで追加された要望と、他で使われていない企業を削除します</translation>
    </message>
    <message>
        <location filename="../../dialogs/batches.py" line="92"/>
        <source>Every import is a batch. Undoing one removes the requests it added, their links, and the companies nothing else uses; requests it only updated keep their values.</source>
        <translation>インポートは1回ごとにバッチとして記録されます。取り消すと、そのバッチで追加された要望とその紐付け、他で使われていない企業が削除されます。更新のみされた要望は現在の値のままです。</translation>
    </message>
    <message>
        <location filename="../../dialogs/batches.py" line="132"/>
        <source>Remove the {n} requests that “{file}” added ({links} links, {companies} companies nothing else uses)? Requests it only updated keep their values.</source>
        <translation>「{file}」で追加された要望 {n} 件（リンク {links} 件、ほかで使われていない企業 {companies} 社）を削除しますか？ 更新しただけの要望は今の値のまま残ります。</translation>
    </message>
    <message>
        <location filename="../../dialogs/batches.py" line="139"/>
        <source>{n} links made since the import would be removed, e.g. request {req} “{title}” → “{item}”.</source>
        <translation>インポート後に作成したリンク {n} 件が削除されます（例: 要望 {req}「{title}」→「{item}」）。</translation>
    </message>
    <message>
        <location filename="../../dialogs/batches.py" line="143"/>
        <source>{n} requests marked duplicate of one of these would go back to new, e.g. request {req} “{title}”.</source>
        <translation>これらの重複として記録した要望 {n} 件が未仕分けに戻ります（例: 要望 {req}「{title}」）。</translation>
    </message>
    <message>
        <location filename="../../dialogs/batches.py" line="147"/>
        <source>{n} of these requests were updated by a later import, whose changes would go with them, e.g. request {req} “{title}” (batch {batch}).</source>
        <translation>このうち {n} 件の要望は後のインポートで更新されており、その変更も失われます（例: 要望 {req}「{title}」、バッチ {batch}）。</translation>
    </message>
    <message>
        <location filename="../../dialogs/batches.py" line="152"/>
        <source>This would also lose work done since the import:</source>
        <translation>インポート後に行った次の作業も失われます:</translation>
    </message>
    <message>
        <location filename="../../dialogs/batches.py" line="154"/>
        <source>Edit &gt; Undo puts it all back.</source>
        <translation>「編集 &gt; 元に戻す」ですべて元に戻せます。</translation>
    </message>
    <message>
        <location filename="../../dialogs/batches.py" line="167"/>
        <source>Undo import</source>
        <translation>インポートを取り消す</translation>
    </message>
    <message>
        <location filename="../../operations/imports.py" line="18"/>
        <source>Import “{name}”</source>
        <translation>「{name}」をインポート</translation>
    </message>
    <message>
        <location filename="../../operations/imports.py" line="25"/>
        <source>Undo import of “{name}”</source>
        <translation>「{name}」のインポートを取り消し</translation>
    </message>
    <message>
        <location filename="../../roadmap/painter.py" line="127"/>
        <source>{effort} pm</source>
        <translation>{effort}人月</translation>
    </message>
    <message>
        <location filename="../../roadmap/onepage.py" line="131"/>
        <location filename="../../roadmap/onepage.py" line="295"/>
        <source>Status:</source>
        <translation>ステータス:</translation>
    </message>
    <message>
        <location filename="../../roadmap/onepage.py" line="135"/>
        <location filename="../../roadmap/painter.py" line="175"/>
        <location filename="../../roadmap/painter.py" line="176"/>
        <source>score</source>
        <translation>スコア</translation>
    </message>
    <message>
        <location filename="../../roadmap/onepage.py" line="136"/>
        <location filename="../../roadmap/onepage.py" line="295"/>
        <location filename="../../roadmap/painter.py" line="180"/>
        <location filename="../../roadmap/painter.py" line="181"/>
        <source>companies asking</source>
        <translation>要望企業数</translation>
    </message>
    <message>
        <location filename="../../roadmap/onepage.py" line="139"/>
        <location filename="../../roadmap/onepage.py" line="295"/>
        <source>Themes:</source>
        <translation>テーマ:</translation>
    </message>
    <message>
        <location filename="../../roadmap/onepage.py" line="278"/>
        <source>Nothing planned yet</source>
        <translation>計画はまだありません</translation>
    </message>
    <message>
        <location filename="../../roadmap/onepage.py" line="310"/>
        <source>The workspace has no {mode} lanes to put on the page.</source>
        <translation>ページに載せる{mode}のレーンがワークスペースにありません。</translation>
    </message>
    <message>
        <location filename="../../roadmap/onepage.py" line="311"/>
        <source>Add lanes (Roadmap ▸ Edit Lanes…, or planner lane-add) or choose other lanes.</source>
        <translation>レーンを追加する(ロードマップ ▸ レーンを編集…、または planner lane-add)か、別のレーンを選んでください。</translation>
    </message>
    <message>
        <location filename="../../roadmap/onepage.py" line="319"/>
        <source>The page size is a4 or letter, not {size}.</source>
        <translation>用紙サイズは a4 か letter です({size} は使えません)。</translation>
    </message>
    <message>
        <location filename="../../roadmap/onepage.py" line="398"/>
        <source>{name}: a one-page roadmap is a .pdf or a .png file.</source>
        <translation>{name}:1 ページのロードマップは .pdf か .png ファイルです。</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="444"/>
        <location filename="../../matrix/view.py" line="130"/>
        <location filename="../../matrix/view.py" line="252"/>
        <location filename="../../operations/items.py" line="87"/>
        <location filename="../../roadmap/canvas.py" line="345"/>
        <location filename="../../roadmap/painter.py" line="195"/>
        <location filename="../../roadmap/view.py" line="253"/>
        <source>Not planned</source>
        <translation>未計画</translation>
    </message>
    <message>
        <location filename="../../roadmap/painter.py" line="201"/>
        <source>{shown} of {n} items</source>
        <translation>{n}件中{shown}件</translation>
    </message>
    <message>
        <location filename="../../roadmap/painter.py" line="203"/>
        <source>1 item</source>
        <translation>1件</translation>
    </message>
    <message>
        <location filename="../../roadmap/painter.py" line="223"/>
        <source>{planned} pm planned · no capacity set</source>
        <translation>{planned}人月を計画 · キャパシティ未設定</translation>
    </message>
    <message>
        <location filename="../../roadmap/painter.py" line="226"/>
        <source>{planned} / {cap} pm — over by {over} pm</source>
        <translation>{planned} / {cap}人月 — {over}人月超過</translation>
    </message>
    <message>
        <location filename="../../roadmap/painter.py" line="231"/>
        <source>{planned} / {cap} pm planned</source>
        <translation>{planned} / {cap}人月を計画</translation>
    </message>
    <message>
        <location filename="../../roadmap/painter.py" line="234"/>
        <source>{n} unestimated</source>
        <translation>{n}件 未見積もり</translation>
    </message>
    <message>
        <location filename="../../roadmap/canvas.py" line="162"/>
        <source>Score {score} (rank {rank})</source>
        <translation>スコア {score}({rank}位)</translation>
    </message>
    <message>
        <location filename="../../backlog/explanation.py" line="288"/>
        <location filename="../../roadmap/canvas.py" line="164"/>
        <source>{n} companies asking</source>
        <translation>{n}社が要望</translation>
    </message>
    <message>
        <location filename="../../roadmap/canvas.py" line="166"/>
        <source>Effort {effort} person-months</source>
        <translation>工数 {effort}人月</translation>
    </message>
    <message>
        <location filename="../../roadmap/canvas.py" line="340"/>
        <source>Open in the backlog</source>
        <translation>バックログで開く</translation>
    </message>
    <message>
        <location filename="../../roadmap/canvas.py" line="341"/>
        <source>Move to</source>
        <translation>移動先</translation>
    </message>
    <message>
        <location filename="../../roadmap/view.py" line="76"/>
        <source>Business view</source>
        <translation>ビジネス向け表示</translation>
    </message>
    <message>
        <location filename="../../roadmap/view.py" line="77"/>
        <source>Show only what the business edition of the roadmap shows: no effort, capacity or won&apos;t-do items.</source>
        <translation>ビジネス版ロードマップの内容のみ表示します(工数・キャパシティ・見送り項目は非表示)。</translation>
    </message>
    <message>
        <location filename="../../matrix/view.py" line="57"/>
        <location filename="../../roadmap/view.py" line="78"/>
        <source>Export PNG…</source>
        <translation>PNGをエクスポート…</translation>
    </message>
    <message>
        <location filename="../../roadmap/view.py" line="79"/>
        <source>Export One Page…</source>
        <translation>1 ページにエクスポート…</translation>
    </message>
    <message>
        <location filename="../../roadmap/view.py" line="80"/>
        <source>The board on one page for executives: a PDF to print or a PNG for slides</source>
        <translation>経営層向けに 1 ページにまとめたボード:印刷用の PDF、スライド用の PNG</translation>
    </message>
    <message>
        <location filename="../../roadmap/view.py" line="85"/>
        <source>Lanes:</source>
        <translation>レーン:</translation>
    </message>
    <message>
        <location filename="../../roadmap/view.py" line="105"/>
        <location filename="../../roadmap/view.py" line="240"/>
        <source>Add Quarters and Now/Next/Later</source>
        <translation>四半期とNow/Next/Laterを追加</translation>
    </message>
    <message>
        <location filename="../../roadmap/view.py" line="213"/>
        <source>{n} cards</source>
        <translation>{n}枚のカード</translation>
    </message>
    <message>
        <location filename="../../roadmap/view.py" line="216"/>
        <source>{n} more on {modes} lanes</source>
        <translation>{modes}レーンに他{n}件</translation>
    </message>
    <message>
        <location filename="../../roadmap/view.py" line="219"/>
        <source>Over capacity: {lanes}</source>
        <translation>キャパシティ超過: {lanes}</translation>
    </message>
    <message>
        <location filename="../../roadmap/view.py" line="234"/>
        <source>No quarters yet. Plan the coming year quarter by quarter, each with its capacity.</source>
        <translation>まだ四半期がありません。今後1年を四半期ごとに、それぞれのキャパシティとあわせて計画しましょう。</translation>
    </message>
    <message>
        <location filename="../../roadmap/view.py" line="235"/>
        <source>No releases yet. Add one in Roadmap ▸ Edit Lanes… to plan by release.</source>
        <translation>まだリリースがありません。リリース単位で計画するには、ロードマップ ▸ レーンを編集… で追加してください。</translation>
    </message>
    <message>
        <location filename="../../roadmap/view.py" line="236"/>
        <source>No Now/Next/Later lanes yet. Add them to plan without dates.</source>
        <translation>まだ Now/Next/Later レーンがありません。日付なしで計画するには、追加してください。</translation>
    </message>
    <message>
        <location filename="../../roadmap/view.py" line="239"/>
        <source>No items yet. Add the first one, then drag its card onto a lane.</source>
        <translation>まだ項目がありません。最初の項目を追加し、そのカードをレーンにドラッグしてください。</translation>
    </message>
    <message>
        <location filename="../../roadmap/view.py" line="264"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文書 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../roadmap/view.py" line="265"/>
        <source>Export One Page</source>
        <translation>1 ページにエクスポート</translation>
    </message>
    <message>
        <location filename="../../roadmap/view.py" line="276"/>
        <source>Wrote {file}: {n} cards on one page.</source>
        <translation>{file} を書き出しました:1 ページに {n} 枚のカード。</translation>
    </message>
    <message>
        <location filename="../../roadmap/view.py" line="278"/>
        <source>{n} more did not fit; each lane says how many.</source>
        <translation>ほかに {n} 件は入りきりませんでした。各レーンに件数を表示しています。</translation>
    </message>
    <message>
        <location filename="../../operations/items.py" line="89"/>
        <source>Move “{title}” to {lane}</source>
        <translation>「{title}」を{lane}へ移動</translation>
    </message>
    <message>
        <location filename="../../roadmap/view.py" line="260"/>
        <source>Export board as PNG</source>
        <translation>ボードをPNGでエクスポート</translation>
    </message>
    <message>
        <location filename="../../roadmap/view.py" line="264"/>
        <location filename="../../widgets/files.py" line="29"/>
        <source>PNG images (*.png)</source>
        <translation>PNG画像 (*.png)</translation>
    </message>
    <message>
        <location filename="../../roadmap/onepage.py" line="117"/>
        <location filename="../../roadmap/png.py" line="59"/>
        <source>Roadmap — {mode}</source>
        <translation>ロードマップ — {mode}</translation>
    </message>
    <message>
        <location filename="../../roadmap/png.py" line="61"/>
        <source>business view</source>
        <translation>ビジネス向け表示</translation>
    </message>
    <message>
        <location filename="../../matrix/view.py" line="276"/>
        <location filename="../../roadmap/png.py" line="66"/>
        <source>{workspace} · {day}</source>
        <translation>{workspace} · {day}</translation>
    </message>
    <message>
        <location filename="../../roadmap/onepage.py" line="274"/>
        <location filename="../../roadmap/png.py" line="83"/>
        <source>+ {n} more</source>
        <translation>+ 他{n}件</translation>
    </message>
    <message>
        <location filename="../../matrix/view.py" line="281"/>
        <location filename="../../roadmap/onepage.py" line="331"/>
        <location filename="../../roadmap/onepage.py" line="366"/>
        <location filename="../../roadmap/png.py" line="86"/>
        <source>Could not write {path}.</source>
        <translation>{path} に書き込めませんでした。</translation>
    </message>
    <message>
        <location filename="../../matrix/view.py" line="281"/>
        <location filename="../../roadmap/onepage.py" line="331"/>
        <location filename="../../roadmap/onepage.py" line="366"/>
        <location filename="../../roadmap/png.py" line="86"/>
        <source>Choose a folder you can write to.</source>
        <translation>書き込み可能なフォルダーを選んでください。</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="39"/>
        <location filename="../../i18n.py" line="22"/>
        <source>idea</source>
        <translation>アイデア</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="39"/>
        <location filename="../../i18n.py" line="22"/>
        <source>candidate</source>
        <translation>候補</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="38"/>
        <location filename="../../i18n.py" line="22"/>
        <source>planned</source>
        <translation>計画済み</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="38"/>
        <location filename="../../i18n.py" line="23"/>
        <source>in progress</source>
        <translation>進行中</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="38"/>
        <location filename="../../i18n.py" line="23"/>
        <source>shipped</source>
        <translation>リリース済み</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="40"/>
        <source>Asked for by {names}.</source>
        <translation>要望企業:{names}。</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="40"/>
        <source>{names} and {last}</source>
        <translation>{names}、{last}</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="41"/>
        <source>{names} and {n} more</source>
        <translation>{names} ほか {n} 社</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="41"/>
        <source>Nothing is planned on this lane yet.</source>
        <translation>このレーンにはまだ計画がありません。</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="42"/>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="52"/>
        <source>Public title</source>
        <translation>公開タイトル</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="53"/>
        <source>Public summary</source>
        <translation>公開サマリー</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="79"/>
        <source>The title customers read. Blank: the item&apos;s own title is used.</source>
        <translation>顧客が読むタイトル。空欄なら項目のタイトルを使います。</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="81"/>
        <source>One or two sentences for customers. Double-click to edit.</source>
        <translation>顧客向けの 1〜2 文。ダブルクリックで編集します。</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="108"/>
        <source>Informed</source>
        <translation>連絡済み</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="111"/>
        <source>People</source>
        <translation>担当者</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="112"/>
        <source>E-mails</source>
        <translation>メール</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="113"/>
        <source>Account owner</source>
        <translation>アカウント担当</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="114"/>
        <source>What they asked</source>
        <translation>要望内容</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="127"/>
        <source>(no company)</source>
        <translation>(企業なし)</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="131"/>
        <source>{n} of {total}</source>
        <translation>{total} 件中 {n} 件</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="146"/>
        <source>Release Notes and Whom to Tell</source>
        <translation>リリースノートと連絡先</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="154"/>
        <source>Internal (people, e-mails, what they asked)</source>
        <translation>社内版(担当者・メール・要望内容)</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="155"/>
        <source>Business (companies only)</source>
        <translation>ビジネス版(企業のみ)</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="157"/>
        <source>Lane:</source>
        <translation>レーン:</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="160"/>
        <source>Edition:</source>
        <translation>版:</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="164"/>
        <source>Notes</source>
        <translation>ノート</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="165"/>
        <source>Whom to tell</source>
        <translation>連絡先</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="189"/>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="190"/>
        <source>Plain text (for chat)</source>
        <translation>プレーンテキスト(チャット用)</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="192"/>
        <source>Save As…</source>
        <translation>名前を付けて保存…</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="196"/>
        <source>Format:</source>
        <translation>形式:</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="212"/>
        <source>Customers read the public title and summary; double-click one to write it. A blank public title uses the item&apos;s own (shown grey).</source>
        <translation>顧客は公開タイトルとサマリーを読みます。ダブルクリックで入力します。公開タイトルが空欄なら項目のタイトル(灰色表示)を使います。</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="226"/>
        <source>Show informed too</source>
        <translation>連絡済みも表示</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="233"/>
        <source>Mark Informed</source>
        <translation>連絡済みにする</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="234"/>
        <source>Record today that the selected companies and people were told; they leave the list. Edit &gt; Undo brings them back.</source>
        <translation>選んだ企業・担当者に今日連絡したことを記録し、一覧から外します。編集 ▸ 元に戻す で戻せます。</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="236"/>
        <source>Mark Whole Lane Informed</source>
        <translation>レーン全体を連絡済みにする</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="237"/>
        <source>Save CSV…</source>
        <translation>CSV を保存…</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="238"/>
        <source>A mail-merge file, UTF-8 with a BOM so Excel reads Japanese right</source>
        <translation>差し込み印刷用ファイル(Excel で日本語が正しく読める BOM 付き UTF-8)</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="312"/>
        <source>Add a lane first: Roadmap &gt; Edit Lanes…</source>
        <translation>先にレーンを追加してください:ロードマップ ▸ レーンを編集…</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="317"/>
        <source>No lanes yet.</source>
        <translation>レーンはまだありません。</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="319"/>
        <source>“{lane}” has no items yet: nobody to tell.</source>
        <translation>「{lane}」にはまだ項目がありません。連絡先はありません。</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="321"/>
        <source>Everyone who asked for the items of “{lane}” has been told.</source>
        <translation>「{lane}」の項目を要望した全員に連絡済みです。</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="324"/>
        <source>{n} request(s) for the items of “{lane}” wait to hear back.</source>
        <translation>「{lane}」の項目への要望 {n} 件が連絡を待っています。</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="353"/>
        <source>Copied the release notes of {lane}</source>
        <translation>{lane} のリリースノートをコピーしました</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="366"/>
        <source>Saved {path}</source>
        <translation>{path} を保存しました</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="372"/>
        <source>Save Release Notes</source>
        <translation>リリースノートを保存</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="372"/>
        <source>{lane} release notes</source>
        <translation>{lane} リリースノート</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="373"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="373"/>
        <source>Text files (*.txt)</source>
        <translation>テキストファイル (*.txt)</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="378"/>
        <source>Save Whom to Tell</source>
        <translation>連絡先を保存</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="378"/>
        <source>{lane} whom to tell</source>
        <translation>{lane} 連絡先</translation>
    </message>
    <message>
        <location filename="../../i18n.py" line="23"/>
        <source>wont do</source>
        <translation>見送り</translation>
    </message>
    <message>
        <location filename="../../i18n.py" line="24"/>
        <source>feature</source>
        <translation>機能</translation>
    </message>
    <message>
        <location filename="../../i18n.py" line="24"/>
        <source>improvement</source>
        <translation>改善</translation>
    </message>
    <message>
        <location filename="../../i18n.py" line="24"/>
        <source>bug</source>
        <translation>バグ</translation>
    </message>
    <message>
        <location filename="../../i18n.py" line="25"/>
        <source>tech debt</source>
        <translation>技術的負債</translation>
    </message>
    <message>
        <location filename="../../i18n.py" line="25"/>
        <source>research</source>
        <translation>調査</translation>
    </message>
    <message>
        <location filename="../../i18n.py" line="26"/>
        <source>massive</source>
        <translation>非常に大</translation>
    </message>
    <message>
        <location filename="../../i18n.py" line="26"/>
        <source>high</source>
        <translation>大</translation>
    </message>
    <message>
        <location filename="../../i18n.py" line="26"/>
        <source>medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../i18n.py" line="27"/>
        <source>low</source>
        <translation>小</translation>
    </message>
    <message>
        <location filename="../../i18n.py" line="27"/>
        <source>minimal</source>
        <translation>極小</translation>
    </message>
    <message>
        <location filename="../../i18n.py" line="28"/>
        <location filename="../../widgets/labels.py" line="24"/>
        <source>quarter</source>
        <translation>四半期</translation>
    </message>
    <message>
        <location filename="../../i18n.py" line="28"/>
        <location filename="../../widgets/labels.py" line="24"/>
        <source>release</source>
        <translation>リリース</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="24"/>
        <source>bucket</source>
        <translation>バケット</translation>
    </message>
    <message>
        <location filename="../../dialogs/lanes.py" line="38"/>
        <source>Capacity (person-months)</source>
        <translation>キャパシティ（人月）</translation>
    </message>
    <message>
        <location filename="../../dialogs/lanes.py" line="39"/>
        <source>Planned effort</source>
        <translation>計画工数</translation>
    </message>
    <message>
        <location filename="../../dialogs/lanes.py" line="76"/>
        <source>{planned} person-months are planned: over the capacity of {cap} by {over}.</source>
        <translation>{planned}人月が計画されており、キャパシティ {cap}人月を {over}人月超過しています。</translation>
    </message>
    <message>
        <location filename="../../dialogs/lanes.py" line="80"/>
        <source>A date as YYYY-MM-DD, such as 2027-04-01; empty clears it.</source>
        <translation>YYYY-MM-DD 形式の日付（例：2027-04-01）。空にすると日付をクリアします。</translation>
    </message>
    <message>
        <location filename="../../dialogs/lanes.py" line="82"/>
        <source>{n} items on this lane have no effort estimate yet.</source>
        <translation>このレーンの{n}件の項目は、まだ工数が見積もられていません。</translation>
    </message>
    <message>
        <location filename="../../dialogs/lanes.py" line="104"/>
        <source>The lane “{lane}” holds {n} items. Where should they go?</source>
        <translation>レーン「{lane}」の{n}件の項目をどこへ移しますか？</translation>
    </message>
    <message>
        <location filename="../../dialogs/lanes.py" line="108"/>
        <source>Not planned (keep in the backlog)</source>
        <translation>未計画（バックログに残す）</translation>
    </message>
    <message>
        <location filename="../../dialogs/lanes.py" line="112"/>
        <source>Items moved to another lane go after the items already there. Edit &gt; Undo puts the lane and its items back.</source>
        <translation>別のレーンに移した項目は、そのレーンの既存の項目の後ろに並びます。「編集 &gt; 元に戻す」でレーンと項目を元に戻せます。</translation>
    </message>
    <message>
        <location filename="../../dialogs/lanes.py" line="145"/>
        <source>Edit Lanes</source>
        <translation>レーンを編集</translation>
    </message>
    <message>
        <location filename="../../dialogs/lanes.py" line="152"/>
        <source>Quarters, releases and Now/Next/Later buckets, in the order of the board&apos;s columns. Double-click a name, a date or a capacity to change it; capacity is in person-months.</source>
        <translation>四半期、リリース、Now/Next/Later バケットを、ボードの列の順に表示しています。名前・日付・キャパシティはダブルクリックで変更できます（キャパシティの単位は人月）。</translation>
    </message>
    <message>
        <location filename="../../dialogs/lanes.py" line="155"/>
        <source>Add Quarter</source>
        <translation>四半期を追加</translation>
    </message>
    <message>
        <location filename="../../dialogs/lanes.py" line="156"/>
        <source>Add the fiscal quarter after the last one, with its capacity</source>
        <translation>最後の四半期の次の四半期を、キャパシティ付きで追加します</translation>
    </message>
    <message>
        <location filename="../../dialogs/lanes.py" line="157"/>
        <source>Add Release…</source>
        <translation>リリースを追加…</translation>
    </message>
    <message>
        <location filename="../../dialogs/lanes.py" line="158"/>
        <source>Add Bucket…</source>
        <translation>バケットを追加…</translation>
    </message>
    <message>
        <location filename="../../dialogs/lanes.py" line="159"/>
        <source>Add a Now/Next/Later bucket: a lane with no dates</source>
        <translation>Now/Next/Later のバケット（日付のないレーン）を追加します</translation>
    </message>
    <message>
        <location filename="../../dialogs/lanes.py" line="160"/>
        <source>Move Up</source>
        <translation>上へ移動</translation>
    </message>
    <message>
        <location filename="../../dialogs/lanes.py" line="161"/>
        <source>Move Down</source>
        <translation>下へ移動</translation>
    </message>
    <message>
        <location filename="../../dialogs/lanes.py" line="162"/>
        <source>Delete…</source>
        <translation>削除…</translation>
    </message>
    <message>
        <location filename="../../dialogs/lanes.py" line="174"/>
        <source>No lanes yet. Add Quarter adds the next quarter of the fiscal year; a release has its own dates; buckets (Now, Next, Later) plan without dates.</source>
        <translation>レーンはまだありません。「四半期を追加」で会計年度の次の四半期を追加します。リリースは独自の日付を持ち、バケット（Now・Next・Later）は日付なしで計画します。</translation>
    </message>
    <message>
        <location filename="../../dialogs/lanes.py" line="266"/>
        <source>Add Release</source>
        <translation>リリースを追加</translation>
    </message>
    <message>
        <location filename="../../dialogs/lanes.py" line="266"/>
        <source>Name of the release, such as v5.1:</source>
        <translation>リリース名（例：v5.1）：</translation>
    </message>
    <message>
        <location filename="../../dialogs/lanes.py" line="268"/>
        <source>Add Bucket</source>
        <translation>バケットを追加</translation>
    </message>
    <message>
        <location filename="../../dialogs/lanes.py" line="268"/>
        <source>Name of the bucket, such as Soon:</source>
        <translation>バケット名（例：近日中）：</translation>
    </message>
    <message>
        <location filename="../../i18n.py" line="28"/>
        <source>horizon</source>
        <translation>ホライズン</translation>
    </message>
    <message>
        <location filename="../../i18n.py" line="29"/>
        <source>status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <location filename="../../i18n.py" line="29"/>
        <source>lane</source>
        <translation>レーン</translation>
    </message>
    <message>
        <location filename="../../i18n.py" line="29"/>
        <source>theme</source>
        <translation>テーマ</translation>
    </message>
    <message>
        <location filename="../../i18n.py" line="30"/>
        <source>kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../operations/requests.py" line="18"/>
        <location filename="../../operations/runner.py" line="86"/>
        <source>Done: {what}</source>
        <translation>実行しました：{what}</translation>
    </message>
    <message>
        <location filename="../../operations/runner.py" line="139"/>
        <source>{n} change(s) could not be saved: the workspace stayed busy for {s} seconds.</source>
        <translation>{n} 件の変更を保存できませんでした: ワークスペースが {s} 秒間使用中のままでした。</translation>
    </message>
    <message>
        <location filename="../../operations/runner.py" line="191"/>
        <source>Redo {what}</source>
        <translation>やり直す: {what}</translation>
    </message>
    <message>
        <location filename="../../operations/runner.py" line="193"/>
        <source>Undo {what}</source>
        <translation>元に戻す: {what}</translation>
    </message>
    <message>
        <location filename="../../operations/runner.py" line="196"/>
        <source>Redone: {what}</source>
        <translation>やり直しました：{what}</translation>
    </message>
    <message>
        <location filename="../../operations/runner.py" line="196"/>
        <source>Undone: {what}</source>
        <translation>元に戻しました：{what}</translation>
    </message>
    <message>
        <location filename="../../context.py" line="170"/>
        <source>Nothing was changed.</source>
        <translation>何も変更されていません。</translation>
    </message>
    <message>
        <location filename="../../context.py" line="171"/>
        <source>Part of it had been saved before the error; the views show what is there now.</source>
        <translation>エラーの前に一部が保存されていました。画面には現在の内容を表示しています。</translation>
    </message>
    <message>
        <location filename="../../context.py" line="180"/>
        <source>Something went wrong: {error}</source>
        <translation>問題が発生しました: {error}</translation>
    </message>
    <message>
        <location filename="../../context.py" line="181"/>
        <source>Changes that were already saved are kept.</source>
        <translation>すでに保存された変更はそのまま残っています。</translation>
    </message>
    <message>
        <location filename="../../app.py" line="88"/>
        <location filename="../../context.py" line="174"/>
        <location filename="../../dialogs/help.py" line="90"/>
        <location filename="../../dialogs/help.py" line="127"/>
        <location filename="../../main_window.py" line="449"/>
        <source>Roadmap Planner</source>
        <translation>Roadmap Planner</translation>
    </message>
    <message>
        <location filename="../../backlog/detail.py" line="42"/>
        <location filename="../../changes/model.py" line="83"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../backlog/detail.py" line="43"/>
        <location filename="../../inbox/choices.py" line="114"/>
        <location filename="../../inbox/model.py" line="95"/>
        <source>Request</source>
        <translation>要望</translation>
    </message>
    <message>
        <location filename="../../backlog/detail.py" line="44"/>
        <location filename="../../companies/model.py" line="18"/>
        <location filename="../../dialogs/release_notes.py" line="105"/>
        <location filename="../../import_wizard/labels.py" line="19"/>
        <location filename="../../inbox/choices.py" line="115"/>
        <location filename="../../inbox/filters.py" line="43"/>
        <location filename="../../inbox/model.py" line="96"/>
        <source>Company</source>
        <translation>企業</translation>
    </message>
    <message>
        <location filename="../../backlog/detail.py" line="45"/>
        <location filename="../../companies/dialogs.py" line="76"/>
        <location filename="../../companies/model.py" line="19"/>
        <location filename="../../dialogs/scoring.py" line="96"/>
        <location filename="../../import_wizard/labels.py" line="20"/>
        <location filename="../../inbox/filters.py" line="44"/>
        <location filename="../../inbox/model.py" line="97"/>
        <source>Segment</source>
        <translation>セグメント</translation>
    </message>
    <message>
        <location filename="../../dialogs/backups.py" line="23"/>
        <source>Daily</source>
        <translation>毎日</translation>
    </message>
    <message>
        <location filename="../../dialogs/backups.py" line="24"/>
        <source>Before an import</source>
        <translation>インポートの前</translation>
    </message>
    <message>
        <location filename="../../dialogs/backups.py" line="25"/>
        <source>Before undoing an import</source>
        <translation>インポートの取り消しの前</translation>
    </message>
    <message>
        <location filename="../../dialogs/backups.py" line="26"/>
        <source>Before an upgrade</source>
        <translation>アップグレードの前</translation>
    </message>
    <message>
        <location filename="../../dialogs/backups.py" line="27"/>
        <source>Before a restore</source>
        <translation>復元の前</translation>
    </message>
    <message>
        <location filename="../../dialogs/backups.py" line="28"/>
        <source>Made by hand</source>
        <translation>手動</translation>
    </message>
    <message>
        <location filename="../../dialogs/backups.py" line="29"/>
        <source>Other copy</source>
        <translation>その他のコピー</translation>
    </message>
    <message>
        <location filename="../../backlog/detail.py" line="47"/>
        <location filename="../../dialogs/backups.py" line="44"/>
        <location filename="../../inbox/model.py" line="99"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../dialogs/backups.py" line="45"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../dialogs/backups.py" line="46"/>
        <location filename="../../dialogs/lanes.py" line="40"/>
        <source>Items</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../../dialogs/backups.py" line="48"/>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <location filename="../../dialogs/backups.py" line="61"/>
        <source>unreadable</source>
        <translation>読み取り不可</translation>
    </message>
    <message>
        <location filename="../../dialogs/backups.py" line="78"/>
        <location filename="../../dialogs/backups.py" line="146"/>
        <source>Restore from Backup</source>
        <translation>バックアップから復元</translation>
    </message>
    <message>
        <location filename="../../dialogs/backups.py" line="82"/>
        <source>Roadmap Planner keeps a copy of the workspace once a day, before imports and before upgrades; it keeps the newest {n}, and the first of each of the last {n} days. Restoring one replaces what the workspace holds now, which is kept as a backup first.</source>
        <translation>Roadmap Planner はワークスペースのコピーを 1 日 1 回、インポートの前、アップグレードの前に保存し、新しいもの {n} 件と、直近 {n} 日のそれぞれ最初のものを残します。復元すると現在の内容は置き換えられますが、置き換える前の状態もバックアップとして残します。</translation>
    </message>
    <message>
        <location filename="../../dialogs/backups.py" line="86"/>
        <source>There are no backups of this workspace yet.</source>
        <translation>このワークスペースのバックアップはまだありません。</translation>
    </message>
    <message>
        <location filename="../../dialogs/backups.py" line="90"/>
        <source>Restore…</source>
        <translation>復元…</translation>
    </message>
    <message>
        <location filename="../../dialogs/backups.py" line="91"/>
        <source>Replace the workspace with the selected backup</source>
        <translation>選んだバックアップでワークスペースを置き換えます</translation>
    </message>
    <message>
        <location filename="../../dialogs/backups.py" line="92"/>
        <source>Open Folder</source>
        <translation>フォルダを開く</translation>
    </message>
    <message>
        <location filename="../../dialogs/backups.py" line="93"/>
        <source>Show the backups in the file manager</source>
        <translation>バックアップをファイルマネージャで表示します</translation>
    </message>
    <message>
        <location filename="../../dialogs/backups.py" line="147"/>
        <source>Replace the workspace with the copy from {when} ({reason}: {items} items, {requests} requests)? The current state is kept as a backup first.</source>
        <translation>ワークスペースを {when} のコピー（{reason}: 項目 {items} 件、要望 {requests} 件）で置き換えますか？ 現在の状態は先にバックアップとして残します。</translation>
    </message>
    <message>
        <location filename="../../dialogs/backups.py" line="167"/>
        <source>Restored the copy from {when}. The previous state was kept as {name}.</source>
        <translation>{when} のコピーを復元しました。以前の状態は {name} として残しています。</translation>
    </message>
    <message>
        <location filename="../../backlog/dialogs.py" line="77"/>
        <source>Pin “{title}”</source>
        <translation>「{title}」を固定</translation>
    </message>
    <message>
        <location filename="../../backlog/dialogs.py" line="82"/>
        <source>Why this rank? e.g. a contract commitment, a dependency, a launch date</source>
        <translation>この順位の理由は?例:契約上の約束、依存関係、リリース日</translation>
    </message>
    <message>
        <location filename="../../backlog/dialogs.py" line="86"/>
        <source>A pinned item keeps this rank whatever its score; the others rank around it.</source>
        <translation>固定した項目はスコアに関係なくこの順位を保ち、他の項目はその前後に並びます。</translation>
    </message>
    <message>
        <location filename="../../backlog/dialogs.py" line="90"/>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../backlog/dialogs.py" line="112"/>
        <source>Merge {n} Items</source>
        <translation>{n}件の項目を統合</translation>
    </message>
    <message>
        <location filename="../../backlog/dialogs.py" line="118"/>
        <source>#{id} {title} ({n} requests)</source>
        <translation>#{id} {title}（要望 {n}件）</translation>
    </message>
    <message>
        <location filename="../../backlog/dialogs.py" line="125"/>
        <source>Keep this item; the others are merged into it:</source>
        <translation>残す項目を選んでください。ほかの項目はこの項目に統合されます：</translation>
    </message>
    <message>
        <location filename="../../backlog/dialogs.py" line="129"/>
        <location filename="../../companies/dialogs.py" line="43"/>
        <location filename="../../companies/dialogs.py" line="169"/>
        <source>Merge</source>
        <translation>統合</translation>
    </message>
    <message>
        <location filename="../../backlog/dialogs.py" line="150"/>
        <source>{moved} requests will move to “{title}”.</source>
        <translation>{moved}件の要望が「{title}」に移ります。</translation>
    </message>
    <message>
        <location filename="../../backlog/dialogs.py" line="152"/>
        <source>{n} are already linked to it and stay linked once.</source>
        <translation>うち{n}件はすでにこの項目にも紐付いており、紐付けは重複しません。</translation>
    </message>
    <message>
        <location filename="../../backlog/dialogs.py" line="153"/>
        <source>Its empty fields are filled from the others and their descriptions are added to its own. The other {n} items are deleted. Edit ▸ Undo takes it all back.</source>
        <translation>空欄のフィールドはほかの項目の値で埋められ、ほかの項目の説明はこの項目の説明に追記されます。ほかの{n}件の項目は削除されます。「編集 ▸ 元に戻す」ですべて元に戻せます。</translation>
    </message>
    <message>
        <location filename="../../backlog/detail.py" line="122"/>
        <source>Select an item to see why it ranks where it does.</source>
        <translation>項目を選ぶと、その順位の理由が表示されます。</translation>
    </message>
    <message>
        <location filename="../../backlog/detail.py" line="130"/>
        <source>Pinned rank</source>
        <translation>固定順位</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="320"/>
        <location filename="../../backlog/new_item.py" line="60"/>
        <location filename="../../import_wizard/labels.py" line="31"/>
        <source>Description</source>
        <translation>説明</translation>
    </message>
    <message>
        <location filename="../../backlog/detail.py" line="137"/>
        <source>Requests and companies</source>
        <translation>要望と企業</translation>
    </message>
    <message>
        <location filename="../../backlog/detail.py" line="219"/>
        <source>Not scored</source>
        <translation>未スコア</translation>
    </message>
    <message>
        <location filename="../../backlog/detail.py" line="229"/>
        <source>Fill in the estimates to score it.</source>
        <translation>見積もりを入力するとスコアが付きます。</translation>
    </message>
    <message>
        <location filename="../../backlog/detail.py" line="223"/>
        <source>{score} ({method}), rank {rank}</source>
        <translation>{score}({method})、{rank}位</translation>
    </message>
    <message>
        <location filename="../../backlog/detail.py" line="127"/>
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message>
        <location filename="../../backlog/detail.py" line="236"/>
        <source>Pinned at rank {rank} (by score it would be {computed}).
Why: {why}</source>
        <translation>{rank}位に固定(スコア順では{computed}位)。
理由: {why}</translation>
    </message>
    <message>
        <location filename="../../backlog/detail.py" line="241"/>
        <source>Not pinned: the rank follows the score.</source>
        <translation>固定なし:順位はスコアに従います。</translation>
    </message>
    <message>
        <location filename="../../backlog/detail.py" line="243"/>
        <source>Change pin…</source>
        <translation>固定を変更…</translation>
    </message>
    <message>
        <location filename="../../backlog/detail.py" line="252"/>
        <source>{n} requests from {c} companies</source>
        <translation>{c}社から{n}件の要望</translation>
    </message>
    <message>
        <location filename="../../backlog/detail.py" line="254"/>
        <source> and {more} more</source>
        <translation> ほか{more}社</translation>
    </message>
    <message>
        <location filename="../../backlog/detail.py" line="257"/>
        <source>No linked requests.</source>
        <translation>紐付いた要望はありません。</translation>
    </message>
    <message>
        <location filename="../../backlog/detail.py" line="275"/>
        <source>now</source>
        <translation>現在</translation>
    </message>
    <message>
        <location filename="../../dialogs/export.py" line="25"/>
        <source>Internal — every figure, with effort, confidence and notes</source>
        <translation>社内版 — 工数・確度・メモを含むすべての数値</translation>
    </message>
    <message>
        <location filename="../../dialogs/export.py" line="26"/>
        <source>Business — for stakeholders, without internal estimates</source>
        <translation>ビジネス版 — ステークホルダー向け(社内の見積もりは含めません)</translation>
    </message>
    <message>
        <location filename="../../dialogs/export.py" line="35"/>
        <source>English</source>
        <translation>英語</translation>
    </message>
    <message>
        <location filename="../../dialogs/export.py" line="36"/>
        <source>Japanese</source>
        <translation>日本語</translation>
    </message>
    <message>
        <location filename="../../dialogs/export.py" line="39"/>
        <source>Roadmap workbook (.xlsx)</source>
        <translation>ロードマップのブック (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../dialogs/export.py" line="40"/>
        <source>Priorities list (.csv)</source>
        <translation>優先順位リスト (.csv)</translation>
    </message>
    <message>
        <location filename="../../dialogs/export.py" line="52"/>
        <location filename="../../dialogs/export.py" line="95"/>
        <location filename="../../hotkeys.py" line="57"/>
        <source>Export</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <location filename="../../dialogs/export.py" line="69"/>
        <source>The language of the workbook&apos;s sheet names, headers and fixed words.</source>
        <translation>ワークブックのシート名・見出し・定型文の言語。</translation>
    </message>
    <message>
        <location filename="../../dialogs/export.py" line="70"/>
        <source>Name the companies asking (the internal edition always does)</source>
        <translation>要望企業名を記載する(社内版では常に記載)</translation>
    </message>
    <message>
        <location filename="../../dialogs/export.py" line="72"/>
        <source>The business edition can leave company names out.</source>
        <translation>ビジネス版では企業名を省略できます。</translation>
    </message>
    <message>
        <location filename="../../dialogs/export.py" line="74"/>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <location filename="../../dialogs/export.py" line="88"/>
        <source>Format</source>
        <translation>形式</translation>
    </message>
    <message>
        <location filename="../../dialogs/export.py" line="89"/>
        <source>Edition</source>
        <translation>版</translation>
    </message>
    <message>
        <location filename="../../dialogs/export.py" line="90"/>
        <source>Lanes</source>
        <translation>レーン</translation>
    </message>
    <message>
        <location filename="../../dialogs/export.py" line="138"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel ブック (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../dialogs/export.py" line="138"/>
        <source>CSV file (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <location filename="../../dialogs/export.py" line="139"/>
        <source>Export to</source>
        <translation>出力先</translation>
    </message>
    <message>
        <location filename="../../dialogs/export.py" line="153"/>
        <source>The folder {folder} does not exist.</source>
        <translation>フォルダー {folder} が存在しません。</translation>
    </message>
    <message>
        <location filename="../../dialogs/export.py" line="171"/>
        <source>Exporting…</source>
        <translation>エクスポート中…</translation>
    </message>
    <message>
        <location filename="../../dialogs/export.py" line="174"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../dialogs/export.py" line="188"/>
        <location filename="../../import_wizard/wizard.py" line="79"/>
        <location filename="../../main_window.py" line="701"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../dialogs/export.py" line="196"/>
        <source>Written to {file}.</source>
        <translation>{file} に書き出しました。</translation>
    </message>
    <message>
        <location filename="../../dialogs/export.py" line="198"/>
        <source>Export finished</source>
        <translation>エクスポート完了</translation>
    </message>
    <message>
        <location filename="../../dialogs/export.py" line="199"/>
        <source>{name} is ready. Open the folder that holds it?</source>
        <translation>{name} ができました。保存先のフォルダーを開きますか?</translation>
    </message>
    <message>
        <location filename="../../dialogs/export.py" line="208"/>
        <source>The export failed; any previous file is unchanged.</source>
        <translation>エクスポートに失敗しました。既存のファイルは変更されていません。</translation>
    </message>
    <message>
        <location filename="../../dialogs/export.py" line="214"/>
        <source>Stopped; any previous file is unchanged.</source>
        <translation>停止しました。既存のファイルは変更されていません。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/file_page.py" line="12"/>
        <source>Spreadsheets and CSV (*.csv *.tsv *.txt *.xlsx *.xlsm);;All files (*)</source>
        <translation>スプレッドシートと CSV (*.csv *.tsv *.txt *.xlsx *.xlsm);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../import_wizard/file_page.py" line="25"/>
        <source>Choose a CSV file of metric values, or drop it here: a date, a metric and a value a row, or a date column and one column per metric.</source>
        <translation>指標値の CSV ファイルを選ぶか、ここにドロップしてください。1 行に日付・指標・値を書く形式か、日付列と指標ごとの列を並べる形式に対応しています。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/file_page.py" line="28"/>
        <source>Choose a CSV file or an Excel workbook, or drop it here: customer requests, backlog items, companies or metrics.</source>
        <translation>CSV ファイルか Excel ブックを選ぶか、ここにドロップしてください。顧客の要望、バックログ項目、企業、指標を取り込めます。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/file_page.py" line="31"/>
        <source>Drop a CSV or Excel file here</source>
        <translation>CSV または Excel ファイルをここにドロップ</translation>
    </message>
    <message>
        <location filename="../../import_wizard/file_page.py" line="37"/>
        <source>Path of a CSV or Excel file</source>
        <translation>CSV または Excel ファイルのパス</translation>
    </message>
    <message>
        <location filename="../../import_wizard/file_page.py" line="38"/>
        <source>Choose file…</source>
        <translation>ファイルを選択…</translation>
    </message>
    <message>
        <location filename="../../import_wizard/file_page.py" line="42"/>
        <source>What the file holds is told from its columns, and you can change it on the next page. Exports of Jira, Zendesk, Intercom, Canny, productboard, UserVoice, GitHub, Google Forms, Salesforce, HubSpot and Fider are recognised; any other file works by its column names. Importing the same file again adds nothing.</source>
        <translation>ファイルの中身は列名から判断します（次のページで変更できます）。Jira、Zendesk、Intercom、Canny、productboard、UserVoice、GitHub、Google フォーム、Salesforce、HubSpot、Fider のエクスポートを認識し、それ以外のファイルも列名で読み取ります。同じファイルをもう一度取り込んでも何も増えません。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/preview_page.py" line="54"/>
        <source>Check how the file will be read</source>
        <translation>ファイルの読み込み方を確認</translation>
    </message>
    <message>
        <location filename="../../import_wizard/preview_page.py" line="80"/>
        <location filename="../../import_wizard/preview_page.py" line="86"/>
        <source>Detect</source>
        <translation>自動検出</translation>
    </message>
    <message>
        <location filename="../../import_wizard/preview_page.py" line="84"/>
        <source>Found by reading the file: comma, semicolon, tab or vertical bar.</source>
        <translation>ファイルから判定します:カンマ、セミコロン、タブ、縦棒。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/preview_page.py" line="90"/>
        <source>e.g. zendesk</source>
        <translation>例: zendesk</translation>
    </message>
    <message>
        <location filename="../../import_wizard/preview_page.py" line="98"/>
        <source>File:</source>
        <translation>ファイル:</translation>
    </message>
    <message>
        <location filename="../../import_wizard/preview_page.py" line="102"/>
        <source>Encoding:</source>
        <translation>文字コード:</translation>
    </message>
    <message>
        <location filename="../../import_wizard/preview_page.py" line="103"/>
        <source>Delimiter:</source>
        <translation>区切り文字:</translation>
    </message>
    <message>
        <location filename="../../import_wizard/preview_page.py" line="104"/>
        <source>Preset:</source>
        <translation>プリセット:</translation>
    </message>
    <message>
        <location filename="../../import_wizard/preview_page.py" line="105"/>
        <source>Source:</source>
        <translation>ソース:</translation>
    </message>
    <message>
        <location filename="../../import_wizard/preview_page.py" line="113"/>
        <source>Columns for each field</source>
        <translation>各フィールドの列</translation>
    </message>
    <message>
        <location filename="../../import_wizard/preview_page.py" line="133"/>
        <source>First rows, as they will be imported:</source>
        <translation>先頭の行(インポートされる内容):</translation>
    </message>
    <message>
        <location filename="../../import_wizard/import_page.py" line="55"/>
        <location filename="../../import_wizard/preview_page.py" line="261"/>
        <source>Reading {file}…</source>
        <translation>{file} を読み込み中…</translation>
    </message>
    <message>
        <location filename="../../import_wizard/preview_page.py" line="286"/>
        <source>The file could not be read.</source>
        <translation>ファイルを読み込めませんでした。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/preview_page.py" line="356"/>
        <source>Detected: {enc}</source>
        <translation>検出: {enc}</translation>
    </message>
    <message>
        <location filename="../../import_wizard/preview_page.py" line="358"/>
        <source>Detect ({enc})</source>
        <translation>自動検出({enc})</translation>
    </message>
    <message>
        <location filename="../../import_wizard/preview_page.py" line="361"/>
        <source>Detect ({preset})</source>
        <translation>自動検出({preset})</translation>
    </message>
    <message>
        <location filename="../../import_wizard/labels.py" line="13"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../import_wizard/labels.py" line="15"/>
        <source>Body</source>
        <translation>本文</translation>
    </message>
    <message>
        <location filename="../../import_wizard/labels.py" line="16"/>
        <source>Created</source>
        <translation>作成日時</translation>
    </message>
    <message>
        <location filename="../../import_wizard/labels.py" line="17"/>
        <source>Requester</source>
        <translation>要望者</translation>
    </message>
    <message>
        <location filename="../../import_wizard/labels.py" line="18"/>
        <source>E-mail</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <location filename="../../companies/model.py" line="22"/>
        <location filename="../../import_wizard/labels.py" line="22"/>
        <location filename="../../operations/companies.py" line="14"/>
        <source>ARR</source>
        <translation>ARR</translation>
    </message>
    <message>
        <location filename="../../companies/model.py" line="23"/>
        <source>Renewal</source>
        <translation>契約更新日</translation>
    </message>
    <message>
        <location filename="../../companies/model.py" line="26"/>
        <source>Last asked</source>
        <translation>最終要望日</translation>
    </message>
    <message>
        <location filename="../../companies/model.py" line="112"/>
        <source>From the MRR (× 12)</source>
        <translation>MRR から算出（× 12）</translation>
    </message>
    <message>
        <location filename="../../companies/model.py" line="112"/>
        <source>From the ARR (÷ 12)</source>
        <translation>ARR から算出（÷ 12）</translation>
    </message>
    <message>
        <location filename="../../companies/model.py" line="20"/>
        <location filename="../../import_wizard/labels.py" line="23"/>
        <source>Plan</source>
        <translation>プラン</translation>
    </message>
    <message>
        <location filename="../../import_wizard/labels.py" line="24"/>
        <source>Votes</source>
        <translation>投票数</translation>
    </message>
    <message>
        <location filename="../../import_wizard/labels.py" line="25"/>
        <source>Importance</source>
        <translation>重要度</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="324"/>
        <location filename="../../import_wizard/labels.py" line="27"/>
        <source>Tags</source>
        <translation>タグ</translation>
    </message>
    <message>
        <location filename="../../import_wizard/labels.py" line="28"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../../import_wizard/labels.py" line="41"/>
        <source>Impact (ICE)</source>
        <translation>インパクト (ICE)</translation>
    </message>
    <message>
        <location filename="../../import_wizard/labels.py" line="42"/>
        <source>Confidence (ICE)</source>
        <translation>確度 (ICE)</translation>
    </message>
    <message>
        <location filename="../../import_wizard/labels.py" line="43"/>
        <source>Ease (ICE)</source>
        <translation>容易さ (ICE)</translation>
    </message>
    <message>
        <location filename="../../import_wizard/labels.py" line="48"/>
        <source>Story points</source>
        <translation>ストーリーポイント</translation>
    </message>
    <message>
        <location filename="../../import_wizard/labels.py" line="53"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../import_wizard/labels.py" line="54"/>
        <source>Domain</source>
        <translation>ドメイン</translation>
    </message>
    <message>
        <location filename="../../import_wizard/labels.py" line="55"/>
        <source>Renewal date</source>
        <translation>更新日</translation>
    </message>
    <message>
        <location filename="../../import_wizard/labels.py" line="58"/>
        <source>CRM ID</source>
        <translation>CRM ID</translation>
    </message>
    <message>
        <location filename="../../import_wizard/labels.py" line="77"/>
        <source>A lane or quarter by name; a quarter or release not in the roadmap yet is added.</source>
        <translation>レーンまたは四半期の名前。ロードマップにまだない四半期やリリースは追加されます。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/labels.py" line="78"/>
        <source>A number here becomes the item&apos;s own reach, so it scores as in the sheet.</source>
        <translation>ここの数値は項目自身のリーチになり、シートと同じスコアになります。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/labels.py" line="79"/>
        <source>In percent: 80%, 80 or 0.8; or high, medium, low.</source>
        <translation>パーセントで：80%、80、0.8。または 高・中・低。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/labels.py" line="80"/>
        <source>In person-months.</source>
        <translation>人月で。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/labels.py" line="81"/>
        <source>Kept with the item; not its effort unless chosen as the Effort column.</source>
        <translation>項目に記録します。工数の列に選ばない限り工数にはなりません。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/labels.py" line="82"/>
        <source>The sheet&apos;s own score: compared with the planner&apos;s, never stored.</source>
        <translation>シート自身のスコア：プランナーのスコアと比べるだけで、保存はしません。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/labels.py" line="83"/>
        <source>Written as in the file; a new segment can be merged into another afterwards.</source>
        <translation>ファイルの表記のまま取り込みます。新しいセグメントは後から別のセグメントに統合できます。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/labels.py" line="86"/>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <location filename="../../import_wizard/labels.py" line="87"/>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8(BOM付き)</translation>
    </message>
    <message>
        <location filename="../../import_wizard/labels.py" line="88"/>
        <source>UTF-16</source>
        <translation>UTF-16</translation>
    </message>
    <message>
        <location filename="../../import_wizard/labels.py" line="89"/>
        <source>Japanese (Windows, CP932)</source>
        <translation>日本語(Windows、Shift_JIS/CP932)</translation>
    </message>
    <message>
        <location filename="../../import_wizard/labels.py" line="90"/>
        <source>Japanese (EUC-JP)</source>
        <translation>日本語(EUC-JP)</translation>
    </message>
    <message>
        <location filename="../../import_wizard/labels.py" line="91"/>
        <source>Western (Windows-1252)</source>
        <translation>西ヨーロッパ言語(Windows-1252)</translation>
    </message>
    <message>
        <location filename="../../import_wizard/labels.py" line="92"/>
        <source>Latin-1</source>
        <translation>Latin-1</translation>
    </message>
    <message>
        <location filename="../../import_wizard/labels.py" line="95"/>
        <source>comma</source>
        <translation>カンマ</translation>
    </message>
    <message>
        <location filename="../../import_wizard/labels.py" line="96"/>
        <source>semicolon</source>
        <translation>セミコロン</translation>
    </message>
    <message>
        <location filename="../../import_wizard/labels.py" line="97"/>
        <location filename="../../import_wizard/preview_page.py" line="367"/>
        <source>tab</source>
        <translation>タブ</translation>
    </message>
    <message>
        <location filename="../../import_wizard/labels.py" line="98"/>
        <source>vertical bar</source>
        <translation>縦棒</translation>
    </message>
    <message>
        <location filename="../../import_wizard/preview_page.py" line="378"/>
        <source>From column “{col}”</source>
        <translation>列「{col}」から</translation>
    </message>
    <message>
        <location filename="../../import_wizard/preview_page.py" line="379"/>
        <source>From the first line of the body</source>
        <translation>本文の1行目から</translation>
    </message>
    <message>
        <location filename="../../import_wizard/preview_page.py" line="301"/>
        <location filename="../../import_wizard/preview_page.py" line="390"/>
        <source>(not imported)</source>
        <translation>(インポートしない)</translation>
    </message>
    <message>
        <location filename="../../import_wizard/preview_page.py" line="55"/>
        <source>Say what the file holds and, for a workbook, which sheet; change the encoding or any field&apos;s column: the rows below follow at once.</source>
        <translation>ファイルの中身と、ブックならシートを選んでください。文字コードや各項目の列を変えると、下の行がすぐに反映されます。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/preview_page.py" line="78"/>
        <source>The workbook&apos;s sheets; the one that looks most like a table is chosen first.</source>
        <translation>ブックのシート。最も表らしいシートが最初に選ばれます。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/preview_page.py" line="91"/>
        <source>Rows are the same when their source and ID match; a corrected mapping is remembered for this source.</source>
        <translation>ソースと ID が一致する行は同じ行とみなします。修正した対応付けはこのソース用に記憶されます。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/preview_page.py" line="99"/>
        <source>Holds:</source>
        <translation>中身:</translation>
    </message>
    <message>
        <location filename="../../import_wizard/preview_page.py" line="100"/>
        <source>Sheet:</source>
        <translation>シート:</translation>
    </message>
    <message>
        <location filename="../../import_wizard/preview_page.py" line="330"/>
        <source>Guessed from its columns {columns}</source>
        <translation>列 {columns} から推定</translation>
    </message>
    <message>
        <location filename="../../import_wizard/preview_page.py" line="332"/>
        <source>Its columns did not tell what it holds: choose it here.</source>
        <translation>列からは中身を判断できませんでした。ここで選んでください。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/preview_page.py" line="334"/>
        <source>Its columns {columns} look like {kind}.</source>
        <translation>列 {columns} は「{kind}」のようです。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/preview_page.py" line="336"/>
        <source>Its columns {columns} fit.</source>
        <translation>列 {columns} が合っています。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/preview_page.py" line="379"/>
        <source>No column: rows fail</source>
        <translation>列なし：行は失敗します</translation>
    </message>
    <message>
        <location filename="../../import_wizard/preview_page.py" line="407"/>
        <source>About {n} rows.</source>
        <translation>約{n}行。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/preview_page.py" line="409"/>
        <source>No title column: titles are the first line of the body.</source>
        <translation>タイトル列がありません:本文の1行目をタイトルにします。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/preview_page.py" line="411"/>
        <source>{n} rows.</source>
        <translation>{n} 行。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/preview_page.py" line="413"/>
        <source>One row per metric and period: the metric&apos;s name, the date and the value.</source>
        <translation>指標と期間ごとに 1 行：指標名、日付、値。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/preview_page.py" line="415"/>
        <source>A date column, then one column per metric.</source>
        <translation>日付の列と、指標ごとの列。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/preview_page.py" line="425"/>
        <source>row {row}, {column}: {message}</source>
        <translation>{row}行目、{column}: {message}</translation>
    </message>
    <message>
        <location filename="../../import_wizard/preview_page.py" line="429"/>
        <source> (and {n} more)</source>
        <translation>(ほか{n}件)</translation>
    </message>
    <message>
        <location filename="../../import_wizard/preview_page.py" line="430"/>
        <source>Rows that will fail:</source>
        <translation>失敗する行:</translation>
    </message>
    <message>
        <location filename="../../import_wizard/import_page.py" line="20"/>
        <source>Importing</source>
        <translation>インポート中</translation>
    </message>
    <message>
        <location filename="../../import_wizard/import_page.py" line="21"/>
        <source>All or nothing: a cancel or a failure leaves the workspace as it was.</source>
        <translation>全件か無しか:キャンセルや失敗時はワークスペースは元のままです。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/import_page.py" line="26"/>
        <source>Cancel import</source>
        <translation>インポートをキャンセル</translation>
    </message>
    <message>
        <location filename="../../import_wizard/import_page.py" line="27"/>
        <location filename="../../import_wizard/import_page.py" line="53"/>
        <source>Stop now; nothing from this file will be kept.</source>
        <translation>今すぐ中止します。このファイルの内容は何も残りません。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/import_page.py" line="54"/>
        <source>A metrics file is read in one go; it cannot be stopped halfway.</source>
        <translation>指標ファイルは一度に読み込むため、途中で止められません。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/import_page.py" line="68"/>
        <source>Cancelling…</source>
        <translation>キャンセル中…</translation>
    </message>
    <message>
        <location filename="../../import_wizard/result_page.py" line="94"/>
        <source>Import finished</source>
        <translation>インポート完了</translation>
    </message>
    <message>
        <location filename="../../import_wizard/result_page.py" line="37"/>
        <source>Importing the same file again adds nothing; changed rows update their requests.</source>
        <translation>同じファイルを再度インポートしても追加されません。変更された行は対応する要望を更新します。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/result_page.py" line="117"/>
        <source>Save errors as CSV…</source>
        <translation>エラーをCSVで保存…</translation>
    </message>
    <message>
        <location filename="../../import_wizard/result_page.py" line="59"/>
        <source>New requests</source>
        <translation>新規要望</translation>
    </message>
    <message>
        <location filename="../../import_wizard/result_page.py" line="61"/>
        <source>Unchanged (already imported)</source>
        <translation>変更なし(インポート済み)</translation>
    </message>
    <message>
        <location filename="../../import_wizard/result_page.py" line="63"/>
        <source>Duplicate rows in the file</source>
        <translation>ファイル内の重複行</translation>
    </message>
    <message>
        <location filename="../../import_wizard/result_page.py" line="64"/>
        <source>Failed rows</source>
        <translation>失敗した行</translation>
    </message>
    <message>
        <location filename="../../import_wizard/result_page.py" line="59"/>
        <location filename="../../import_wizard/result_page.py" line="66"/>
        <source>New companies</source>
        <translation>新規企業</translation>
    </message>
    <message>
        <location filename="../../import_wizard/result_page.py" line="31"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../import_wizard/result_page.py" line="32"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../import_wizard/result_page.py" line="33"/>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
    <message>
        <location filename="../../import_wizard/result_page.py" line="38"/>
        <source>Importing the same file again adds nothing; changed rows update their items.</source>
        <translation>同じファイルをもう一度取り込んでも何も増えません。変更された行は対応する項目を更新します。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/result_page.py" line="39"/>
        <source>Importing the same file again adds nothing; changed rows update their companies.</source>
        <translation>同じファイルをもう一度取り込んでも何も増えません。変更された行は対応する企業を更新します。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/result_page.py" line="40"/>
        <source>Importing the same file again adds nothing; a new figure for a period replaces the old one.</source>
        <translation>同じファイルをもう一度取り込んでも何も増えません。同じ期間の新しい値は古い値を置き換えます。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/result_page.py" line="56"/>
        <source>Metrics in the file</source>
        <translation>ファイル内の指標</translation>
    </message>
    <message>
        <location filename="../../import_wizard/result_page.py" line="56"/>
        <source>New metrics</source>
        <translation>新しい指標</translation>
    </message>
    <message>
        <location filename="../../import_wizard/result_page.py" line="57"/>
        <source>New values</source>
        <translation>新しい値</translation>
    </message>
    <message>
        <location filename="../../import_wizard/result_page.py" line="57"/>
        <source>Updated values</source>
        <translation>更新された値</translation>
    </message>
    <message>
        <location filename="../../import_wizard/result_page.py" line="58"/>
        <source>Unchanged values</source>
        <translation>変更なしの値</translation>
    </message>
    <message>
        <location filename="../../import_wizard/result_page.py" line="59"/>
        <source>New items</source>
        <translation>新しい項目</translation>
    </message>
    <message>
        <location filename="../../import_wizard/result_page.py" line="68"/>
        <source>New lanes</source>
        <translation>新しいレーン</translation>
    </message>
    <message>
        <location filename="../../import_wizard/result_page.py" line="70"/>
        <source>New segments</source>
        <translation>新しいセグメント</translation>
    </message>
    <message>
        <location filename="../../import_wizard/result_page.py" line="81"/>
        <source>✓ The sheet&apos;s “{column}” column equals the planner&apos;s {method} score on all {n} rows that have one.</source>
        <translation>✓ シートの「{column}」列は、値のある {n} 行すべてでプランナーの {method} スコアと一致しました。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/result_page.py" line="83"/>
        <source>The sheet&apos;s “{column}” column differs from the planner&apos;s {method} score on {differ} of {n} rows: the notes below name them.</source>
        <translation>シートの「{column}」列は {n} 行中 {differ} 行でプランナーの {method} スコアと異なります。該当する行は下の注記にあります。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/result_page.py" line="98"/>
        <source>Undo this import</source>
        <translation>このインポートを取り消す</translation>
    </message>
    <message>
        <location filename="../../import_wizard/result_page.py" line="99"/>
        <source>Take back everything this import added or changed; Edit ▸ Redo puts it back.</source>
        <translation>このインポートで追加・変更したものをすべて元に戻します。編集 ▸ やり直す で戻せます。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/result_page.py" line="153"/>
        <source>1 row could not be read and was left out:</source>
        <translation>1行を読み込めず、除外しました:</translation>
    </message>
    <message>
        <location filename="../../import_wizard/result_page.py" line="154"/>
        <source>{n} rows could not be read; they were left out:</source>
        <translation>{n}行を読み込めず、除外しました:</translation>
    </message>
    <message>
        <location filename="../../import_wizard/result_page.py" line="156"/>
        <source>Every row was read.</source>
        <translation>すべての行を読み込みました。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/result_page.py" line="165"/>
        <source>{file}, sheet “{sheet}”</source>
        <translation>{file}、シート「{sheet}」</translation>
    </message>
    <message>
        <location filename="../../import_wizard/result_page.py" line="166"/>
        <source>{rows} rows read from {file}</source>
        <translation>{file} から {rows} 行を読み込みました</translation>
    </message>
    <message>
        <location filename="../../import_wizard/result_page.py" line="181"/>
        <source>Wrong file or wrong columns? Undo takes the whole import back.</source>
        <translation>ファイルや列を間違えましたか？取り消すとインポート全体が元に戻ります。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/result_page.py" line="182"/>
        <source>The import was undone; Edit ▸ Redo puts it back.</source>
        <translation>インポートを取り消しました。編集 ▸ やり直す で戻せます。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/result_page.py" line="183"/>
        <source>The import was undone.</source>
        <translation>インポートを取り消しました。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/result_page.py" line="184"/>
        <source>Other changes were made since; Edit ▸ Undo or File ▸ Import Batches take the import back.</source>
        <translation>その後ほかの変更がありました。編集 ▸ 元に戻す、またはファイル ▸ インポート履歴 で取り消してください。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/result_page.py" line="199"/>
        <source>… and {n} more.</source>
        <translation>…ほか {n} 件。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/result_page.py" line="217"/>
        <source>New segments: keep them, or merge one into a segment you had.</source>
        <translation>新しいセグメント：そのまま残すか、既存のセグメントに統合してください。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/result_page.py" line="222"/>
        <source>“{segment}” (1 company)</source>
        <translation>「{segment}」（1 社）</translation>
    </message>
    <message>
        <location filename="../../import_wizard/result_page.py" line="223"/>
        <source>“{segment}” ({n} companies)</source>
        <translation>「{segment}」（{n} 社）</translation>
    </message>
    <message>
        <location filename="../../import_wizard/result_page.py" line="224"/>
        <source>Merge into…</source>
        <translation>統合先…</translation>
    </message>
    <message>
        <location filename="../../import_wizard/result_page.py" line="241"/>
        <source>“{segment}” was merged into “{into}”.</source>
        <translation>「{segment}」を「{into}」に統合しました。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/result_page.py" line="246"/>
        <source>Save errors as CSV</source>
        <translation>エラーをCSVで保存</translation>
    </message>
    <message>
        <location filename="../../dialogs/release_notes.py" line="379"/>
        <location filename="../../import_wizard/result_page.py" line="247"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <location filename="../../import_wizard/file_page.py" line="23"/>
        <location filename="../../import_wizard/file_page.py" line="59"/>
        <location filename="../../import_wizard/wizard.py" line="37"/>
        <location filename="../../import_wizard/wizard.py" line="49"/>
        <source>Import</source>
        <translation>インポート</translation>
    </message>
    <message>
        <location filename="../../import_wizard/import_page.py" line="42"/>
        <source>The import failed.</source>
        <translation>インポートに失敗しました。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/import_page.py" line="43"/>
        <source>Import cancelled; the workspace is unchanged.</source>
        <translation>インポートをキャンセルしました。ワークスペースは変更されていません。</translation>
    </message>
    <message>
        <location filename="../../inbox/filters.py" line="22"/>
        <source>Search requests, companies, people…</source>
        <translation>要望・企業・人を検索…</translation>
    </message>
    <message>
        <location filename="../../inbox/filters.py" line="36"/>
        <source>Clear</source>
        <translation>クリア</translation>
    </message>
    <message>
        <location filename="../../inbox/filters.py" line="37"/>
        <source>Clear the search and every filter</source>
        <translation>検索とすべてのフィルターをクリア</translation>
    </message>
    <message>
        <location filename="../../inbox/filters.py" line="44"/>
        <source>From</source>
        <translation>開始</translation>
    </message>
    <message>
        <location filename="../../inbox/filters.py" line="44"/>
        <source>To</source>
        <translation>終了</translation>
    </message>
    <message>
        <location filename="../../inbox/suggestions.py" line="44"/>
        <source>Suggested items</source>
        <translation>候補の項目</translation>
    </message>
    <message>
        <location filename="../../inbox/detail.py" line="34"/>
        <source>&amp;Link…</source>
        <translation>紐付け(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../inbox/detail.py" line="35"/>
        <source>&amp;Duplicate…</source>
        <translation>重複(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../inbox/detail.py" line="36"/>
        <source>&amp;Archive</source>
        <translation>アーカイブ(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../inbox/detail.py" line="37"/>
        <source>&amp;New item</source>
        <translation>新規項目(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../hotkeys.py" line="43"/>
        <source>Window</source>
        <translation>ウィンドウ</translation>
    </message>
    <message>
        <location filename="../../hotkeys.py" line="47"/>
        <source>New backlog item</source>
        <translation>新しいバックログ項目</translation>
    </message>
    <message>
        <location filename="../../hotkeys.py" line="49"/>
        <source>New workspace</source>
        <translation>新しいワークスペース</translation>
    </message>
    <message>
        <location filename="../../hotkeys.py" line="50"/>
        <source>Open a workspace</source>
        <translation>ワークスペースを開く</translation>
    </message>
    <message>
        <location filename="../../hotkeys.py" line="52"/>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <location filename="../../hotkeys.py" line="54"/>
        <source>Undo the last change</source>
        <translation>直前の変更を元に戻す</translation>
    </message>
    <message>
        <location filename="../../hotkeys.py" line="55"/>
        <source>Redo</source>
        <translation>やり直す</translation>
    </message>
    <message>
        <location filename="../../hotkeys.py" line="56"/>
        <source>Import a file</source>
        <translation>ファイルをインポート</translation>
    </message>
    <message>
        <location filename="../../hotkeys.py" line="58"/>
        <source>Open the demo workspace</source>
        <translation>デモワークスペースを開く</translation>
    </message>
    <message>
        <location filename="../../hotkeys.py" line="59"/>
        <source>Scoring settings</source>
        <translation>スコアリング設定</translation>
    </message>
    <message>
        <location filename="../../hotkeys.py" line="60"/>
        <source>Past imports</source>
        <translation>過去のインポート</translation>
    </message>
    <message>
        <location filename="../../hotkeys.py" line="61"/>
        <source>Workspace settings</source>
        <translation>ワークスペース設定</translation>
    </message>
    <message>
        <location filename="../../hotkeys.py" line="62"/>
        <source>Edit the roadmap&apos;s lanes</source>
        <translation>ロードマップのレーンを編集</translation>
    </message>
    <message>
        <location filename="../../hotkeys.py" line="63"/>
        <source>Release notes and whom to tell</source>
        <translation>リリースノートと連絡先</translation>
    </message>
    <message>
        <location filename="../../hotkeys.py" line="66"/>
        <source>Go to a view, in the order of the list on the left</source>
        <translation>左の一覧の順でビューに移動</translation>
    </message>
    <message>
        <location filename="../../hotkeys.py" line="69"/>
        <source>Delete the selected items</source>
        <translation>選択した項目を削除</translation>
    </message>
    <message>
        <location filename="../../hotkeys.py" line="70"/>
        <source>Edit the selected items together</source>
        <translation>選択した項目をまとめて編集</translation>
    </message>
    <message>
        <location filename="../../hotkeys.py" line="71"/>
        <source>Pin the item at a rank</source>
        <translation>項目を順位に固定</translation>
    </message>
    <message>
        <location filename="../../hotkeys.py" line="72"/>
        <source>Clear the search</source>
        <translation>検索をクリア</translation>
    </message>
    <message>
        <location filename="../../hotkeys.py" line="76"/>
        <source>Next request</source>
        <translation>次の要望</translation>
    </message>
    <message>
        <location filename="../../hotkeys.py" line="77"/>
        <source>Previous request</source>
        <translation>前の要望</translation>
    </message>
    <message>
        <location filename="../../hotkeys.py" line="79"/>
        <source>Link to the suggested item of that number</source>
        <translation>その番号の候補項目に紐付け</translation>
    </message>
    <message>
        <location filename="../../hotkeys.py" line="80"/>
        <location filename="../../inbox/detail.py" line="41"/>
        <source>Link to an item chosen from a list, likeliest first</source>
        <translation>一覧から選んだ項目に紐付け(可能性の高い順)</translation>
    </message>
    <message>
        <location filename="../../hotkeys.py" line="82"/>
        <location filename="../../inbox/detail.py" line="42"/>
        <source>Mark as a duplicate of another request</source>
        <translation>他の要望の重複としてマーク</translation>
    </message>
    <message>
        <location filename="../../hotkeys.py" line="83"/>
        <location filename="../../inbox/detail.py" line="43"/>
        <source>Archive: not actionable, kept for the record</source>
        <translation>アーカイブ:対応不要、記録として保持</translation>
    </message>
    <message>
        <location filename="../../hotkeys.py" line="85"/>
        <location filename="../../inbox/detail.py" line="44"/>
        <source>Create a backlog item from the selected requests</source>
        <translation>選択した要望からバックログ項目を作成</translation>
    </message>
    <message>
        <location filename="../../hotkeys.py" line="87"/>
        <source>Do the same to the requests that say the same thing, when offered</source>
        <translation>同じ内容の要望が提示されたら、それらにも同じ操作をする</translation>
    </message>
    <message>
        <location filename="../../inbox/detail.py" line="86"/>
        <location filename="../../inbox/model.py" line="116"/>
        <source>MRR {mrr}</source>
        <translation>MRR {mrr}</translation>
    </message>
    <message>
        <location filename="../../inbox/view.py" line="96"/>
        <source>Find an item…</source>
        <translation>項目を検索…</translation>
    </message>
    <message>
        <location filename="../../inbox/view.py" line="105"/>
        <source>Drag requests onto an item to link them.</source>
        <translation>要望を項目にドラッグすると紐付けられます。</translation>
    </message>
    <message>
        <location filename="../../inbox/view.py" line="126"/>
        <source>Import Requests…</source>
        <translation>要望をインポート…</translation>
    </message>
    <message>
        <location filename="../../inbox/view.py" line="238"/>
        <source>Inbox zero: every request is linked to an item, marked a duplicate or archived. New ones come in with the next import.</source>
        <translation>受信箱は空です。すべての要望が項目に紐付け済み、重複、またはアーカイブ済みです。新しい要望は次回のインポートで届きます。</translation>
    </message>
    <message>
        <location filename="../../inbox/view.py" line="240"/>
        <source>No requests yet. Import what support, sales and success collected: a CSV from Zendesk, Intercom, Jira, a form or a sheet.</source>
        <translation>まだ要望がありません。サポート・営業・カスタマーサクセスが集めた要望をインポートしましょう（Zendesk、Intercom、Jira、フォーム、スプレッドシートの CSV）。</translation>
    </message>
    <message>
        <location filename="../../inbox/view.py" line="361"/>
        <source>{n} left from {company}</source>
        <translation>{company} の残り {n} 件</translation>
    </message>
    <message>
        <location filename="../../inbox/view.py" line="362"/>
        <source>{n} left in the inbox</source>
        <translation>受信箱の残り {n} 件</translation>
    </message>
    <message>
        <location filename="../../inbox/view.py" line="366"/>
        <source>{done} — {left}</source>
        <translation>{done} — {left}</translation>
    </message>
    <message>
        <location filename="../../inbox/view.py" line="369"/>
        <source>{undo} undoes it.</source>
        <translation>{undo} で元に戻せます。</translation>
    </message>
    <message>
        <location filename="../../inbox/view.py" line="399"/>
        <source>archive it too?</source>
        <translation>これもアーカイブしますか？</translation>
    </message>
    <message>
        <location filename="../../inbox/view.py" line="399"/>
        <source>archive them too?</source>
        <translation>これらもアーカイブしますか？</translation>
    </message>
    <message>
        <location filename="../../inbox/view.py" line="400"/>
        <source>Archive it too</source>
        <translation>これもアーカイブ</translation>
    </message>
    <message>
        <location filename="../../inbox/view.py" line="400"/>
        <source>Archive them too</source>
        <translation>これらもアーカイブ</translation>
    </message>
    <message>
        <location filename="../../inbox/view.py" line="402"/>
        <source>link it to “{title}” too?</source>
        <translation>これも「{title}」に紐付けますか？</translation>
    </message>
    <message>
        <location filename="../../inbox/view.py" line="402"/>
        <source>link them to “{title}” too?</source>
        <translation>これらも「{title}」に紐付けますか？</translation>
    </message>
    <message>
        <location filename="../../inbox/view.py" line="403"/>
        <source>Link it too</source>
        <translation>これも紐付け</translation>
    </message>
    <message>
        <location filename="../../inbox/view.py" line="403"/>
        <source>Link them too</source>
        <translation>これらも紐付け</translation>
    </message>
    <message>
        <location filename="../../inbox/view.py" line="404"/>
        <source>1 more request says the same thing ({who}): {question}</source>
        <translation>同じ内容の要望がもう 1 件あります（{who}）：{question}</translation>
    </message>
    <message>
        <location filename="../../inbox/view.py" line="405"/>
        <source>{n} more requests say the same thing ({who}): {question}</source>
        <translation>同じ内容の要望がほかに {n} 件あります（{who}）：{question}</translation>
    </message>
    <message>
        <location filename="../../inbox/view.py" line="461"/>
        <source>Linked 1 more request to {title}</source>
        <translation>さらに 1 件の要望を「{title}」に紐付けました</translation>
    </message>
    <message>
        <location filename="../../inbox/view.py" line="462"/>
        <source>Linked {n} more requests to {title}</source>
        <translation>さらに {n} 件の要望を「{title}」に紐付けました</translation>
    </message>
    <message>
        <location filename="../../inbox/view.py" line="464"/>
        <source>Linked to {title}</source>
        <translation>「{title}」に紐付けました</translation>
    </message>
    <message>
        <location filename="../../inbox/view.py" line="465"/>
        <source>Linked {n} requests to {title}</source>
        <translation>{n} 件の要望を「{title}」に紐付けました</translation>
    </message>
    <message>
        <location filename="../../inbox/view.py" line="486"/>
        <source>Marked as a duplicate of #{id}</source>
        <translation>#{id} の重複としました</translation>
    </message>
    <message>
        <location filename="../../inbox/view.py" line="498"/>
        <source>Archived 1 more request</source>
        <translation>さらに 1 件の要望をアーカイブしました</translation>
    </message>
    <message>
        <location filename="../../inbox/view.py" line="498"/>
        <source>Archived {n} more requests</source>
        <translation>さらに {n} 件の要望をアーカイブしました</translation>
    </message>
    <message>
        <location filename="../../inbox/view.py" line="500"/>
        <source>Archived</source>
        <translation>アーカイブしました</translation>
    </message>
    <message>
        <location filename="../../inbox/view.py" line="500"/>
        <source>Archived {n} requests</source>
        <translation>{n} 件の要望をアーカイブしました</translation>
    </message>
    <message>
        <location filename="../../inbox/view.py" line="528"/>
        <source>Created “{title}” from a request</source>
        <translation>要望から「{title}」を作成しました</translation>
    </message>
    <message>
        <location filename="../../inbox/view.py" line="528"/>
        <source>Created “{title}” from {n} requests</source>
        <translation>{n} 件の要望から「{title}」を作成しました</translation>
    </message>
    <message>
        <location filename="../../inbox/filters.py" line="117"/>
        <source>any</source>
        <translation>指定なし</translation>
    </message>
    <message>
        <location filename="../../inbox/filters.py" line="68"/>
        <source>All sources</source>
        <translation>すべてのソース</translation>
    </message>
    <message>
        <location filename="../../inbox/filters.py" line="69"/>
        <source>All companies</source>
        <translation>すべての企業</translation>
    </message>
    <message>
        <location filename="../../dialogs/scoring.py" line="202"/>
        <location filename="../../inbox/filters.py" line="70"/>
        <source>All segments</source>
        <translation>全セグメント</translation>
    </message>
    <message>
        <location filename="../../inbox/view.py" line="244"/>
        <source>{shown} of {total} requests to triage</source>
        <translation>未仕分けの要望 {total}件中{shown}件</translation>
    </message>
    <message>
        <location filename="../../inbox/view.py" line="245"/>
        <source>{total} requests to triage</source>
        <translation>未仕分けの要望 {total}件</translation>
    </message>
    <message>
        <location filename="../../inbox/detail.py" line="98"/>
        <source>No request matches</source>
        <translation>一致する要望はありません</translation>
    </message>
    <message>
        <location filename="../../inbox/detail.py" line="99"/>
        <source>Change the search or the filters, or clear them.</source>
        <translation>検索やフィルターを変更するか、クリアしてください。</translation>
    </message>
    <message>
        <location filename="../../inbox/detail.py" line="101"/>
        <source>Nothing to triage</source>
        <translation>仕分けする要望はありません</translation>
    </message>
    <message>
        <location filename="../../inbox/detail.py" line="102"/>
        <source>Every request is linked, marked as a duplicate or archived.</source>
        <translation>すべての要望が紐付け済み、重複、またはアーカイブ済みです。</translation>
    </message>
    <message>
        <location filename="../../inbox/detail.py" line="72"/>
        <source>{n} requests selected; the first:</source>
        <translation>{n}件の要望を選択中。先頭:</translation>
    </message>
    <message>
        <location filename="../../inbox/detail.py" line="52"/>
        <source>Keys: J/K next/previous · 1–5 link to a suggestion · L link… · D duplicate · A archive · N new item · Y the same for the repeats offered</source>
        <translation>キー：J/K 次/前 · 1–5 候補に紐付け · L 紐付け… · D 重複 · A アーカイブ · N 新規項目 · Y 提示された同じ要望にも同じ操作</translation>
    </message>
    <message>
        <location filename="../../inbox/detail.py" line="83"/>
        <location filename="../../inbox/view.py" line="406"/>
        <source>no company</source>
        <translation>企業なし</translation>
    </message>
    <message>
        <location filename="../../inbox/suggestions.py" line="26"/>
        <source>Like a request you linked to this item: “{text}”</source>
        <translation>この項目に紐付けた要望と似ています：「{text}」</translation>
    </message>
    <message>
        <location filename="../../inbox/suggestions.py" line="27"/>
        <source>Like {n} requests you linked to this item, e.g. “{text}”</source>
        <translation>この項目に紐付けた {n} 件の要望と似ています（例：「{text}」）</translation>
    </message>
    <message>
        <location filename="../../inbox/suggestions.py" line="29"/>
        <source>Its title says “{text}”</source>
        <translation>タイトルに「{text}」とあります</translation>
    </message>
    <message>
        <location filename="../../inbox/suggestions.py" line="31"/>
        <source>Its description says “{text}”</source>
        <translation>説明に「{text}」とあります</translation>
    </message>
    <message>
        <location filename="../../inbox/suggestions.py" line="60"/>
        <source>Finding similar items…</source>
        <translation>類似の項目を検索中…</translation>
    </message>
    <message>
        <location filename="../../inbox/suggestions.py" line="66"/>
        <source>No item looks like this request. Press N to make one.</source>
        <translation>この要望に似た項目はありません。N キーで作成できます。</translation>
    </message>
    <message>
        <location filename="../../inbox/suggestions.py" line="96"/>
        <source>Link  {key}</source>
        <translation>紐付け  {key}</translation>
    </message>
    <message>
        <location filename="../../inbox/suggestions.py" line="97"/>
        <source>Link to “{title}” (key {key})</source>
        <translation>「{title}」に紐付け(キー {key})</translation>
    </message>
    <message>
        <location filename="../../inbox/view.py" line="346"/>
        <source>item {id}</source>
        <translation>項目 {id}</translation>
    </message>
    <message>
        <location filename="../../operations/requests.py" line="13"/>
        <source>Link request {id} to “{title}”</source>
        <translation>要望 {id} を「{title}」に紐付け</translation>
    </message>
    <message>
        <location filename="../../operations/requests.py" line="14"/>
        <source>Link {n} requests to “{title}”</source>
        <translation>{n}件の要望を「{title}」に紐付け</translation>
    </message>
    <message>
        <location filename="../../operations/requests.py" line="30"/>
        <source>request {id} (asked {asked}) is older than the {days}-day window and is not counted; widen the window (Edit ▸ Workspace Settings)</source>
        <translation>要望 {id}({asked} 受付)は {days} 日の集計期間より古いため数えていません。期間を広げるには 編集 ▸ ワークスペース設定</translation>
    </message>
    <message>
        <location filename="../../operations/requests.py" line="34"/>
        <source>{n} requests are older than the {days}-day window and are not counted; widen the window (Edit ▸ Workspace Settings)</source>
        <translation>{n} 件の要望は {days} 日の集計期間より古いため数えていません。期間を広げるには 編集 ▸ ワークスペース設定</translation>
    </message>
    <message>
        <location filename="../../operations/requests.py" line="37"/>
        <source>{n} request(s) are not from the segment {segment} and are not counted</source>
        <translation>{n} 件の要望はセグメント {segment} 以外のため数えていません</translation>
    </message>
    <message>
        <location filename="../../operations/requests.py" line="43"/>
        <source>Mark request {id} as a duplicate of request {of}</source>
        <translation>要望 {id} を要望 {of} の重複としてマーク</translation>
    </message>
    <message>
        <location filename="../../operations/requests.py" line="49"/>
        <source>Archive request {id}</source>
        <translation>要望 {id} をアーカイブ</translation>
    </message>
    <message>
        <location filename="../../operations/requests.py" line="50"/>
        <source>Archive {n} requests</source>
        <translation>{n}件の要望をアーカイブ</translation>
    </message>
    <message>
        <location filename="../../inbox/view.py" line="507"/>
        <source>New item</source>
        <translation>新規項目</translation>
    </message>
    <message>
        <location filename="../../inbox/view.py" line="508"/>
        <source>Title of the new backlog item ({n} requests will be linked to it):</source>
        <translation>新しいバックログ項目のタイトル({n}件の要望が紐付けられます):</translation>
    </message>
    <message>
        <location filename="../../operations/requests.py" line="56"/>
        <source>Create item “{title}” from request {id}</source>
        <translation>要望 {id} から項目「{title}」を作成</translation>
    </message>
    <message>
        <location filename="../../operations/requests.py" line="57"/>
        <source>Create item “{title}” from {n} requests</source>
        <translation>{n}件の要望から項目「{title}」を作成</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="49"/>
        <location filename="../../changes/model.py" line="84"/>
        <location filename="../../dialogs/release_notes.py" line="50"/>
        <location filename="../../dialogs/release_notes.py" line="106"/>
        <location filename="../../inbox/choices.py" line="77"/>
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../../inbox/choices.py" line="79"/>
        <location filename="../../inbox/choices.py" line="117"/>
        <source>Match</source>
        <translation>一致度</translation>
    </message>
    <message>
        <location filename="../../inbox/choices.py" line="132"/>
        <source>Same requester: likely the same ask twice</source>
        <translation>同じ要望者：同じ依頼の重複と思われます</translation>
    </message>
    <message>
        <location filename="../../inbox/choices.py" line="134"/>
        <source>Same company ({company}): likely the same ask twice</source>
        <translation>同じ企業（{company}）：同じ依頼の重複と思われます</translation>
    </message>
    <message>
        <location filename="../../inbox/pickers.py" line="30"/>
        <source>Type to search…</source>
        <translation>入力して検索…</translation>
    </message>
    <message>
        <location filename="../../inbox/pickers.py" line="89"/>
        <source>Link request {id} to which item? The likeliest are first.</source>
        <translation>要望 {id} をどの項目に紐付けますか?可能性の高い順に表示しています。</translation>
    </message>
    <message>
        <location filename="../../inbox/pickers.py" line="90"/>
        <source>Link {n} requests to which item? The likeliest are first.</source>
        <translation>{n}件の要望をどの項目に紐付けますか?可能性の高い順に表示しています。</translation>
    </message>
    <message>
        <location filename="../../inbox/pickers.py" line="91"/>
        <source>Link to item</source>
        <translation>項目に紐付け</translation>
    </message>
    <message>
        <location filename="../../inbox/pickers.py" line="102"/>
        <source>Mark as duplicate</source>
        <translation>重複としてマーク</translation>
    </message>
    <message>
        <location filename="../../inbox/pickers.py" line="103"/>
        <source>Request {id} repeats which request? Its demand will count once, on the original.</source>
        <translation>要望 {id} はどの要望の重複ですか?需要は元の要望で1回だけ数えます。</translation>
    </message>
    <message>
        <location filename="../../hotkeys.py" line="44"/>
        <location filename="../../main_window.py" line="44"/>
        <source>Backlog</source>
        <translation>バックログ</translation>
    </message>
    <message>
        <location filename="../../hotkeys.py" line="45"/>
        <location filename="../../main_window.py" line="45"/>
        <location filename="../../main_window.py" line="408"/>
        <source>Inbox</source>
        <translation>受信箱</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="46"/>
        <source>Roadmap</source>
        <translation>ロードマップ</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="47"/>
        <source>Matrix</source>
        <translation>マトリクス</translation>
    </message>
    <message>
        <location filename="../../import_wizard/kinds.py" line="22"/>
        <source>Customer requests</source>
        <translation>顧客の要望</translation>
    </message>
    <message>
        <location filename="../../import_wizard/kinds.py" line="23"/>
        <source>Backlog items</source>
        <translation>バックログ項目</translation>
    </message>
    <message>
        <location filename="../../import_wizard/kinds.py" line="25"/>
        <location filename="../../main_window.py" line="48"/>
        <source>Metrics</source>
        <translation>指標</translation>
    </message>
    <message>
        <location filename="../../import_wizard/kinds.py" line="27"/>
        <source>Metrics are imported from CSV files only: save this sheet as CSV (in Excel: File ▸ Save As ▸ CSV UTF-8) and import that file.</source>
        <translation>指標は CSV ファイルからのみ取り込めます。このシートを CSV で保存し（Excel では ファイル ▸ 名前を付けて保存 ▸ CSV UTF-8）、そのファイルを取り込んでください。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/kinds.py" line="97"/>
        <source>No date column: name one column “date” or “period”.</source>
        <translation>日付の列がありません。列名を「date」か「period」にしてください。</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="133"/>
        <source>Updated with changes saved in another window or by the command line.</source>
        <translation>別のウィンドウまたはコマンドラインで保存された変更を反映しました。</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="186"/>
        <source>New I&amp;tem…</source>
        <translation>新規項目(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="187"/>
        <source>Add a backlog item: only a title is needed</source>
        <translation>バックログに項目を追加します（タイトルだけで追加できます）</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="188"/>
        <source>&amp;New Workspace…</source>
        <translation>新規ワークスペース(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="189"/>
        <source>Create an empty workspace file</source>
        <translation>空のワークスペースファイルを作成</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="190"/>
        <source>&amp;Open Workspace…</source>
        <translation>ワークスペースを開く(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="191"/>
        <source>Open a workspace file</source>
        <translation>ワークスペースファイルを開く</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="192"/>
        <source>Open &amp;Demo Workspace</source>
        <translation>デモワークスペースを開く(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="193"/>
        <source>A B2B SaaS backlog with customer requests, to look around</source>
        <translation>顧客要望付きの B2B SaaS バックログ(お試し用)</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="195"/>
        <source>&amp;Import…</source>
        <translation>インポート(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="196"/>
        <source>Import requests, backlog items, companies or metrics from a CSV or Excel file</source>
        <translation>CSV または Excel ファイルから要望、バックログ項目、企業、指標を取り込む</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="197"/>
        <source>Import &amp;Metrics…</source>
        <translation>指標をインポート(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="198"/>
        <source>Import metric values (period, metric, value) from a CSV file</source>
        <translation>CSVファイルから指標の値（期間、指標、値）をインポート</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="199"/>
        <source>Import &amp;Batches…</source>
        <translation>インポート履歴(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="200"/>
        <source>Past imports, and undoing one</source>
        <translation>過去のインポートと、その取り消し</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="201"/>
        <source>&amp;Export…</source>
        <translation>エクスポート(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="202"/>
        <source>Write the roadmap workbook or the priorities CSV</source>
        <translation>ロードマップのブックまたは優先順位CSVを書き出す</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="203"/>
        <source>Save a &amp;Copy…</source>
        <translation>コピーを保存(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="204"/>
        <source>Write a copy of the workspace to another file</source>
        <translation>ワークスペースのコピーを別のファイルに書き出します</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="205"/>
        <source>Back &amp;Up Now</source>
        <translation>今すぐバックアップ(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="206"/>
        <source>Keep a copy of the workspace in its backups folder</source>
        <translation>ワークスペースのコピーをバックアップフォルダに保存します</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="207"/>
        <source>Re&amp;store from Backup…</source>
        <translation>バックアップから復元(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="208"/>
        <source>Replace the workspace with one of its backups</source>
        <translation>ワークスペースをバックアップのひとつで置き換えます</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="209"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="212"/>
        <location filename="../../widgets/undo_keys.py" line="19"/>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="215"/>
        <location filename="../../widgets/undo_keys.py" line="21"/>
        <source>&amp;Redo</source>
        <translation>やり直す(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="220"/>
        <source>&amp;Find</source>
        <translation>検索(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../hotkeys.py" line="53"/>
        <location filename="../../main_window.py" line="221"/>
        <source>Search in the current view</source>
        <translation>現在のビュー内を検索</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="222"/>
        <source>&amp;Scoring Settings…</source>
        <translation>スコアリング設定(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="224"/>
        <source>Scoring method, time window, segment and importance weights</source>
        <translation>スコアリング方式、対象期間、セグメント、重要度の重み</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="225"/>
        <source>&amp;Workspace Settings…</source>
        <translation>ワークスペース設定(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="227"/>
        <source>Fiscal year, currency, reach window and scoring</source>
        <translation>会計年度、通貨、リーチの対象期間、スコアリング</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="229"/>
        <source>Edit &amp;Lanes…</source>
        <translation>レーンを編集(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="230"/>
        <source>Quarters, releases and Now/Next/Later: dates, capacity and order</source>
        <translation>四半期・リリース・Now/Next/Later の日付、キャパシティ、並び順</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="231"/>
        <source>Add the &amp;Next Quarter</source>
        <translation>次の四半期を追加(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="232"/>
        <source>A quarter after the last one, with its capacity</source>
        <translation>最後の四半期の次の四半期を、キャパシティ付きで追加</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="241"/>
        <source>&amp;About Roadmap Planner</source>
        <translation>Roadmap Planner について(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="242"/>
        <source>The version, where the workspace and its backups are, for a bug report</source>
        <translation>不具合報告用に、バージョンとワークスペース・バックアップの場所を表示</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="244"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="245"/>
        <source>Every shortcut, by menu and view, searchable</source>
        <translation>すべてのショートカットをメニュー・ビューごとに表示（検索可）</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="246"/>
        <source>How &amp;Scores Work</source>
        <translation>スコアの仕組み(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="247"/>
        <source>The scoring methods, reach and the request window, with this workspace&apos;s top item as the example</source>
        <translation>スコアリング手法、リーチ、要望の集計期間を、このワークスペースの最上位項目を例に説明</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="249"/>
        <source>Open the &amp;Data Folder</source>
        <translation>データフォルダを開く(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="250"/>
        <source>Show the folder holding the workspace and its backups</source>
        <translation>ワークスペースとバックアップのあるフォルダを表示</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="254"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="259"/>
        <source>Open &amp;Recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="267"/>
        <source>Export One &amp;Page…</source>
        <translation>1 ページにエクスポート(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="274"/>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="282"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="286"/>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="290"/>
        <source>System language</source>
        <translation>システムの言語</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="297"/>
        <source>&amp;Roadmap</source>
        <translation>ロードマップ(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="301"/>
        <source>Release Notes and &amp;Whom to Tell…</source>
        <translation>リリースノートと連絡先(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="302"/>
        <source>A lane&apos;s release notes in customer words, and who asked for its items</source>
        <translation>顧客向けの言葉で書くレーンのリリースノートと、その項目を要望した人</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="304"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="314"/>
        <source>Main toolbar</source>
        <translation>メインツールバー</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="345"/>
        <source>The {view} view could not be opened.</source>
        <translation>{view}ビューを開けませんでした。</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="395"/>
        <source>{name} — Roadmap Planner</source>
        <translation>{name} — Roadmap Planner</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="402"/>
        <source>{items} items · {requests} requests ({unlinked} to triage) · {companies} companies</source>
        <translation>項目 {items}件 · 要望 {requests}件(未仕分け {unlinked}件)· 企業 {companies}社</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="509"/>
        <source>Open it with File ▸ Open Workspace…, or pick a new file name for a new workspace.</source>
        <translation>ファイル ▸ ワークスペースを開く… で開くか、新しいワークスペース用に別のファイル名を選んでください。</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="439"/>
        <source>No recent workspaces</source>
        <translation>最近使ったワークスペースはありません</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="50"/>
        <source>Changes</source>
        <translation>変更履歴</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="101"/>
        <source>Opening the backlog…</source>
        <translation>バックログを開いています…</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="442"/>
        <source>Clear Menu</source>
        <translation>メニューをクリア</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="450"/>
        <source>{n} change(s) are waiting for the workspace to be free (an import is running) and are not saved yet. {doing} anyway and lose them?</source>
        <translation>{n} 件の変更がワークスペースの空きを待っていて（インポート中です）、まだ保存されていません。変更を破棄して{doing}しますか？</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="460"/>
        <source>Open another workspace</source>
        <translation>別のワークスペースを開く</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="476"/>
        <source>{name} is open in another window too; what either window saves shows in the other within a second.</source>
        <translation>{name} は別のウィンドウでも開いています。どちらかで保存した内容は 1 秒以内にもう一方に反映されます。</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="483"/>
        <source>{n} change(s) will be saved as soon as the workspace is free ({holder}).</source>
        <translation>{n} 件の変更は、ワークスペースが空きしだい保存されます（{holder}）。</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="484"/>
        <source>another window or a command is writing to it</source>
        <translation>別のウィンドウまたはコマンドが書き込み中です</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="486"/>
        <source>Every change is saved.</source>
        <translation>すべての変更を保存しました。</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="495"/>
        <source>This workspace is already open here.</source>
        <translation>このワークスペースはすでにここで開いています。</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="501"/>
        <source>New Workspace</source>
        <translation>新規ワークスペース</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="502"/>
        <location filename="../../main_window.py" line="623"/>
        <source>Workspaces (*.db)</source>
        <translation>ワークスペース (*.db)</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="508"/>
        <source>{path} already exists.</source>
        <translation>{path} は既に存在します。</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="520"/>
        <source>Open Workspace</source>
        <translation>ワークスペースを開く</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="521"/>
        <source>Workspaces (*.db);;All files (*)</source>
        <translation>ワークスペース (*.db);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="622"/>
        <source>Save a Copy</source>
        <translation>コピーを保存</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="627"/>
        <source>Saved a copy as {path}</source>
        <translation>{path} にコピーを保存しました</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="632"/>
        <source>Backed up as {path}</source>
        <translation>{path} にバックアップしました</translation>
    </message>
    <message>
        <location filename="../../dialogs/export.py" line="91"/>
        <location filename="../../main_window.py" line="652"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location filename="../../main_window.py" line="652"/>
        <source>The language changes the next time Roadmap Planner starts.</source>
        <translation>言語は Roadmap Planner の次回起動時に切り替わります。</translation>
    </message>
    <message>
        <location filename="../../dialogs/help.py" line="42"/>
        <source>Impact is 3 massive, 2 high, 1 medium, 0.5 low or 0.25 minimal; confidence is 100%, 80% or 50%; effort is in person-months.</source>
        <translation>インパクトは 3 非常に大・2 大・1 中・0.5 小・0.25 極小、確度は 100%・80%・50%、工数は人月です。</translation>
    </message>
    <message>
        <location filename="../../dialogs/help.py" line="47"/>
        <source>Impact, confidence and ease are each estimated from 1 to 10.</source>
        <translation>インパクト・確度・容易さをそれぞれ 1〜10 で見積もります。</translation>
    </message>
    <message>
        <location filename="../../dialogs/help.py" line="48"/>
        <source>Cost of delay is business value + time criticality + risk reduction; the job size is the effort.</source>
        <translation>遅延コストはビジネス価値＋時間的緊急性＋リスク低減で、ジョブサイズは工数です。</translation>
    </message>
    <message>
        <location filename="../../dialogs/help.py" line="50"/>
        <source>A formula you write over the factors, with weights, + - * / ^, min, max, log and sqrt; confidence is a fraction (80% is 0.8). Each score is explained term by term.</source>
        <translation>要素に重みを付けて自分で書く計算式です。+ - * / ^、min、max、log、sqrt が使えます。確度は小数です(80% は 0.8)。各スコアは項ごとに説明されます。</translation>
    </message>
    <message>
        <location filename="../../dialogs/help.py" line="59"/>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <location filename="../../dialogs/help.py" line="60"/>
        <source>Workspace</source>
        <translation>ワークスペース</translation>
    </message>
    <message>
        <location filename="../../dialogs/help.py" line="61"/>
        <source>Backups</source>
        <translation>バックアップ</translation>
    </message>
    <message>
        <location filename="../../dialogs/help.py" line="62"/>
        <source>Data folder</source>
        <translation>データフォルダ</translation>
    </message>
    <message>
        <location filename="../../dialogs/help.py" line="63"/>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <location filename="../../dialogs/help.py" line="64"/>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <location filename="../../dialogs/help.py" line="64"/>
        <source>{qt} (PySide6 {pyside})</source>
        <translation>{qt} (PySide6 {pyside})</translation>
    </message>
    <message>
        <location filename="../../dialogs/help.py" line="65"/>
        <source>System</source>
        <translation>システム</translation>
    </message>
    <message>
        <location filename="../../dialogs/help.py" line="85"/>
        <source>About Roadmap Planner</source>
        <translation>Roadmap Planner について</translation>
    </message>
    <message>
        <location filename="../../dialogs/help.py" line="92"/>
        <source>Version {version}</source>
        <translation>バージョン {version}</translation>
    </message>
    <message>
        <location filename="../../dialogs/help.py" line="94"/>
        <source>Roadmap Planner keeps the backlog, customer requests, scoring and the roadmap in one local file.</source>
        <translation>Roadmap Planner は、バックログ・顧客要望・スコアリング・ロードマップを1つのローカルファイルで管理します。</translation>
    </message>
    <message>
        <location filename="../../dialogs/help.py" line="107"/>
        <location filename="../../dialogs/release_notes.py" line="191"/>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <location filename="../../dialogs/help.py" line="108"/>
        <source>Copy these lines, to paste them into a bug report</source>
        <translation>不具合報告に貼り付けられるよう、これらの行をコピー</translation>
    </message>
    <message>
        <location filename="../../dialogs/help.py" line="132"/>
        <source>Copied</source>
        <translation>コピーしました</translation>
    </message>
    <message>
        <location filename="../../dialogs/help.py" line="33"/>
        <location filename="../../dialogs/help.py" line="142"/>
        <source>How Scores Work</source>
        <translation>スコアの仕組み</translation>
    </message>
    <message>
        <location filename="../../dialogs/help.py" line="34"/>
        <source>The methods</source>
        <translation>手法</translation>
    </message>
    <message>
        <location filename="../../dialogs/help.py" line="35"/>
        <source>Where reach comes from</source>
        <translation>リーチの出どころ</translation>
    </message>
    <message>
        <location filename="../../dialogs/help.py" line="36"/>
        <source>The request window</source>
        <translation>要望の集計期間</translation>
    </message>
    <message>
        <location filename="../../dialogs/help.py" line="37"/>
        <source>In this workspace</source>
        <translation>このワークスペースでは</translation>
    </message>
    <message>
        <location filename="../../dialogs/help.py" line="44"/>
        <source>Value comes from demand, scaled from 0 to 10 (no demand is no value), or is typed by hand. The matrix sorts items into quick wins, big bets, fill-ins and time sinks.</source>
        <translation>価値は需要から 0〜10 に換算する(需要がなければ価値は 0)か、手入力します。マトリクスは項目をクイックウィン・ビッグベット・穴埋め・時間泥棒に分類します。</translation>
    </message>
    <message>
        <location filename="../../dialogs/help.py" line="179"/>
        <source>Every item gets a score from the method chosen in Edit ▸ Scoring Settings… (now {method}). The backlog lists items by it, best first; a pinned item keeps the rank it was given.</source>
        <translation>各項目には 編集 ▸ スコアリング設定… で選んだ手法（現在は {method}）でスコアが付きます。バックログはスコアの高い順に並び、固定した項目は指定した順位を保ちます。</translation>
    </message>
    <message>
        <location filename="../../dialogs/help.py" line="185"/>
        <source>chosen</source>
        <translation>選択中</translation>
    </message>
    <message>
        <location filename="../../dialogs/help.py" line="189"/>
        <source>Each item says where its reach comes from, in the backlog&apos;s detail panel. RICE multiplies by it; value ÷ effort scales the demand to a value.</source>
        <translation>各項目のリーチの出どころはバックログの詳細パネルに表示されます。RICE はリーチを掛け合わせ、価値÷工数は需要を価値に換算します。</translation>
    </message>
    <message>
        <location filename="../../dialogs/help.py" line="195"/>
        <source>Only requests made within the last {days} days count as demand: older ones stay linked but no longer add to reach. Change it in Edit ▸ Workspace Settings…</source>
        <translation>需要として数えるのは直近 {days} 日以内の要望だけです。それより古い要望は紐付いたままですが、リーチには加算されません。編集 ▸ ワークスペース設定… で変更できます。</translation>
    </message>
    <message>
        <location filename="../../dialogs/help.py" line="203"/>
        <source>The example could not be worked out: {error}</source>
        <translation>例を計算できませんでした：{error}</translation>
    </message>
    <message>
        <location filename="../../dialogs/help.py" line="205"/>
        <source>Scoring the backlog…</source>
        <translation>バックログをスコアリング中…</translation>
    </message>
    <message>
        <location filename="../../dialogs/help.py" line="209"/>
        <source>No item has a score yet. Give an item the estimates its method needs (for RICE: impact, confidence and effort, with a reach) and it is explained here.</source>
        <translation>スコアの付いた項目はまだありません。手法に必要な見積もり（RICE ならインパクト・確度・工数とリーチ）を入力すると、ここで説明されます。</translation>
    </message>
    <message>
        <location filename="../../dialogs/help.py" line="211"/>
        <source>First in the backlog: “{title}”, score {score}, rank {rank}.</source>
        <translation>バックログの 1 位：「{title}」、スコア {score}、順位 {rank}。</translation>
    </message>
    <message>
        <location filename="../../matrix/canvas.py" line="55"/>
        <source>{quadrant} · {status} · {kind}</source>
        <translation>{quadrant} · {status} · {kind}</translation>
    </message>
    <message>
        <location filename="../../matrix/canvas.py" line="57"/>
        <source>Value {value} · effort {effort} person-months</source>
        <translation>価値 {value} · 工数 {effort}人月</translation>
    </message>
    <message>
        <location filename="../../matrix/canvas.py" line="58"/>
        <source>{companies} companies asking · MRR {mrr}</source>
        <translation>要望企業 {companies}社 · MRR {mrr}</translation>
    </message>
    <message>
        <location filename="../../matrix/canvas.py" line="61"/>
        <source>Lane: {lane}</source>
        <translation>レーン: {lane}</translation>
    </message>
    <message>
        <location filename="../../dialogs/scoring.py" line="39"/>
        <location filename="../../matrix/view.py" line="52"/>
        <source>Companies asking</source>
        <translation>要望企業数</translation>
    </message>
    <message>
        <location filename="../../dialogs/scoring.py" line="41"/>
        <location filename="../../matrix/view.py" line="53"/>
        <source>MRR at stake</source>
        <translation>影響MRR</translation>
    </message>
    <message>
        <location filename="../../backlog/model.py" line="34"/>
        <location filename="../../changes/model.py" line="88"/>
        <location filename="../../matrix/view.py" line="55"/>
        <source>Move</source>
        <translation>移動</translation>
    </message>
    <message>
        <location filename="../../matrix/view.py" line="60"/>
        <source>Bubble size:</source>
        <translation>バブルの大きさ:</translation>
    </message>
    <message>
        <location filename="../../matrix/view.py" line="65"/>
        <source>Move to:</source>
        <translation>移動先:</translation>
    </message>
    <message>
        <location filename="../../dialogs/scoring.py" line="163"/>
        <location filename="../../matrix/view.py" line="114"/>
        <source>Scoring…</source>
        <translation>スコアリング中…</translation>
    </message>
    <message>
        <location filename="../../matrix/view.py" line="152"/>
        <source>{n} without value or effort</source>
        <translation>価値・工数なし {n}件</translation>
    </message>
    <message>
        <location filename="../../matrix/view.py" line="156"/>
        <source>No items yet. Add the first one; it shows here once it has a value and an effort.</source>
        <translation>まだ項目がありません。最初の項目を追加してください。価値と工数が入力されるとここに表示されます。</translation>
    </message>
    <message>
        <location filename="../../matrix/view.py" line="158"/>
        <source>No item has both a value and an effort yet. Fill them in the backlog&apos;s detail panel to see where each item falls.</source>
        <translation>価値と工数の両方が入力された項目はまだありません。バックログの詳細パネルで入力すると、各項目の位置が表示されます。</translation>
    </message>
    <message>
        <location filename="../../matrix/frame.py" line="53"/>
        <source>effort split {e}</source>
        <translation>工数の境界 {e}</translation>
    </message>
    <message>
        <location filename="../../matrix/frame.py" line="54"/>
        <source>value split {v}</source>
        <translation>価値の境界 {v}</translation>
    </message>
    <message>
        <location filename="../../matrix/frame.py" line="92"/>
        <source>Effort (person-months) →</source>
        <translation>工数(人月)→</translation>
    </message>
    <message>
        <location filename="../../matrix/frame.py" line="97"/>
        <source>Value →</source>
        <translation>価値 →</translation>
    </message>
    <message>
        <location filename="../../matrix/frame.py" line="103"/>
        <source>Bubble size: companies asking (largest {n})</source>
        <translation>バブルの大きさ: 要望企業数(最大 {n})</translation>
    </message>
    <message>
        <location filename="../../matrix/frame.py" line="105"/>
        <source>Bubble size: MRR at stake (largest {n})</source>
        <translation>バブルの大きさ: 影響MRR(最大 {n})</translation>
    </message>
    <message>
        <location filename="../../matrix/view.py" line="240"/>
        <source>{n} selected</source>
        <translation>{n}件を選択中</translation>
    </message>
    <message>
        <location filename="../../matrix/view.py" line="240"/>
        <source>Click a bubble, or drag a box around several</source>
        <translation>クリックまたはドラッグで選択</translation>
    </message>
    <message>
        <location filename="../../operations/items.py" line="90"/>
        <source>Move {n} items to {lane}</source>
        <translation>{n}件の項目を{lane}へ移動</translation>
    </message>
    <message>
        <location filename="../../matrix/view.py" line="259"/>
        <source>Export matrix as PNG</source>
        <translation>マトリクスをPNGでエクスポート</translation>
    </message>
    <message>
        <location filename="../../matrix/view.py" line="264"/>
        <source>The matrix is still being scored; try again in a moment.</source>
        <translation>マトリクスのスコアリング中です。しばらくしてからもう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../metrics/view.py" line="49"/>
        <source>no change since {period}</source>
        <translation>{period}から変化なし</translation>
    </message>
    <message>
        <location filename="../../metrics/view.py" line="54"/>
        <source>since {period}</source>
        <translation>{period}比</translation>
    </message>
    <message>
        <location filename="../../metrics/view.py" line="57"/>
        <source>No values yet</source>
        <translation>値なし</translation>
    </message>
    <message>
        <location filename="../../metrics/view.py" line="72"/>
        <source>Items drawing their reach from it</source>
        <translation>この指標をリーチに使う項目</translation>
    </message>
    <message>
        <location filename="../../metrics/view.py" line="80"/>
        <source>None yet. In the backlog, choose this metric as an item’s reach source.</source>
        <translation>まだありません。バックログで、項目のリーチの算出元にこの指標を選んでください。</translation>
    </message>
    <message>
        <location filename="../../metrics/view.py" line="119"/>
        <source>No metrics yet. Import a file of metric values (period, metric, value), or start from the AARRR metrics and import their values later.</source>
        <translation>まだ指標がありません。指標の値（期間、指標、値）のファイルをインポートするか、AARRR 指標から始めて値はあとでインポートしてください。</translation>
    </message>
    <message>
        <location filename="../../metrics/view.py" line="121"/>
        <source>Import Metrics…</source>
        <translation>指標をインポート…</translation>
    </message>
    <message>
        <location filename="../../metrics/view.py" line="122"/>
        <source>Add the AARRR Metrics</source>
        <translation>AARRR 指標を追加</translation>
    </message>
    <message>
        <location filename="../../metrics/view.py" line="83"/>
        <source>Also tied to it</source>
        <translation>関連する項目</translation>
    </message>
    <message>
        <location filename="../../metrics/view.py" line="110"/>
        <source>Metrics over time, and the items whose reach comes from them</source>
        <translation>指標の推移と、その指標をリーチに使う項目</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="10"/>
        <source>Idea</source>
        <translation>アイデア</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="10"/>
        <source>Candidate</source>
        <translation>候補</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="10"/>
        <source>Planned</source>
        <translation>計画済み</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="11"/>
        <source>In progress</source>
        <translation>進行中</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="11"/>
        <source>Shipped</source>
        <translation>リリース済み</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="11"/>
        <source>Won&apos;t do</source>
        <translation>見送り</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="17"/>
        <source>Feature</source>
        <translation>機能</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="17"/>
        <source>Improvement</source>
        <translation>改善</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="17"/>
        <source>Bug</source>
        <translation>バグ</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="18"/>
        <source>Tech debt</source>
        <translation>技術的負債</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="18"/>
        <source>Research</source>
        <translation>調査</translation>
    </message>
    <message>
        <location filename="../../roadmap/style.py" line="183"/>
        <source>Quick wins</source>
        <translation>クイックウィン</translation>
    </message>
    <message>
        <location filename="../../roadmap/style.py" line="183"/>
        <source>Big bets</source>
        <translation>ビッグベット</translation>
    </message>
    <message>
        <location filename="../../roadmap/style.py" line="184"/>
        <source>Fill-ins</source>
        <translation>穴埋め</translation>
    </message>
    <message>
        <location filename="../../roadmap/style.py" line="184"/>
        <source>Time sinks</source>
        <translation>時間泥棒</translation>
    </message>
    <message>
        <location filename="../../dialogs/export.py" line="29"/>
        <location filename="../../roadmap/style.py" line="189"/>
        <source>Quarters</source>
        <translation>四半期</translation>
    </message>
    <message>
        <location filename="../../dialogs/export.py" line="30"/>
        <location filename="../../roadmap/style.py" line="189"/>
        <source>Releases</source>
        <translation>リリース</translation>
    </message>
    <message>
        <location filename="../../dialogs/export.py" line="31"/>
        <location filename="../../roadmap/style.py" line="189"/>
        <source>Now / Next / Later</source>
        <translation>Now / Next / Later</translation>
    </message>
    <message>
        <location filename="../../dialogs/scoring.py" line="25"/>
        <source>RICE — reach × impact × confidence ÷ effort</source>
        <translation>RICE — リーチ × インパクト × 確度 ÷ 工数</translation>
    </message>
    <message>
        <location filename="../../dialogs/scoring.py" line="26"/>
        <source>Value ÷ effort</source>
        <translation>価値 ÷ 工数</translation>
    </message>
    <message>
        <location filename="../../dialogs/scoring.py" line="27"/>
        <source>ICE — impact × confidence × ease</source>
        <translation>ICE — インパクト × 確度 × 容易さ</translation>
    </message>
    <message>
        <location filename="../../dialogs/scoring.py" line="28"/>
        <source>WSJF — cost of delay ÷ job size</source>
        <translation>WSJF — 遅延コスト ÷ ジョブサイズ</translation>
    </message>
    <message>
        <location filename="../../dialogs/scoring.py" line="29"/>
        <location filename="../../dialogs/scoring.py" line="116"/>
        <source>Your own formula</source>
        <translation>独自の計算式</translation>
    </message>
    <message>
        <location filename="../../dialogs/scoring.py" line="32"/>
        <source>Nice to have</source>
        <translation>あれば望ましい</translation>
    </message>
    <message>
        <location filename="../../dialogs/scoring.py" line="33"/>
        <source>Important</source>
        <translation>重要</translation>
    </message>
    <message>
        <location filename="../../dialogs/scoring.py" line="34"/>
        <source>Critical</source>
        <translation>必須</translation>
    </message>
    <message>
        <location filename="../../dialogs/scoring.py" line="38"/>
        <source>Automatic: the unit most items use</source>
        <translation>自動:多くの項目が使う単位</translation>
    </message>
    <message>
        <location filename="../../dialogs/scoring.py" line="40"/>
        <source>People asking</source>
        <translation>要望者数</translation>
    </message>
    <message>
        <location filename="../../dialogs/scoring.py" line="42"/>
        <source>Users of a metric</source>
        <translation>指標のユーザー数</translation>
    </message>
    <message>
        <location filename="../../dialogs/scoring.py" line="52"/>
        <source>Scoring Settings</source>
        <translation>スコアリング設定</translation>
    </message>
    <message>
        <location filename="../../dialogs/scoring.py" line="58"/>
        <location filename="../../dialogs/workspace_settings.py" line="77"/>
        <source> days</source>
        <translation> 日</translation>
    </message>
    <message>
        <location filename="../../dialogs/scoring.py" line="59"/>
        <location filename="../../dialogs/workspace_settings.py" line="78"/>
        <source>Only requests made within this many days count as demand.</source>
        <translation>この日数以内の要望だけを需要として数えます。</translation>
    </message>
    <message>
        <location filename="../../dialogs/scoring.py" line="61"/>
        <source>Count only the demand of companies in this segment.</source>
        <translation>このセグメントの企業の需要だけを数えます。</translation>
    </message>
    <message>
        <location filename="../../dialogs/scoring.py" line="65"/>
        <source>Every item&apos;s reach is ranked in this one unit. Reach from another kind of source is converted, and the explanation says how; an item that cannot be converted is ranked apart, never mixed in.</source>
        <translation>すべての項目のリーチをこの単位でそろえて順位を付けます。別の種類の算出元のリーチは換算し、その方法を説明に示します。換算できない項目は混ぜずに別枠で順位を付けます。</translation>
    </message>
    <message>
        <location filename="../../dialogs/scoring.py" line="71"/>
        <source>Automatic, from the metric</source>
        <translation>自動(指標から算出)</translation>
    </message>
    <message>
        <location filename="../../dialogs/scoring.py" line="72"/>
        <source>How many users one customer brings: converts a metric&apos;s users to companies, and companies to users.</source>
        <translation>1 社あたりのユーザー数。指標のユーザー数と企業数の換算に使います。</translation>
    </message>
    <message>
        <location filename="../../dialogs/scoring.py" line="75"/>
        <source>Importance weights</source>
        <translation>重要度の重み</translation>
    </message>
    <message>
        <location filename="../../dialogs/scoring.py" line="84"/>
        <source>A request counts with the weight of how important it is to the customer (used when reach is weighted).</source>
        <translation>要望は顧客にとっての重要度に応じた重みで数えます(リーチを重み付きにした場合)。</translation>
    </message>
    <message>
        <location filename="../../dialogs/scoring.py" line="94"/>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../dialogs/scoring.py" line="95"/>
        <location filename="../../dialogs/workspace_settings.py" line="87"/>
        <source>Time window</source>
        <translation>対象期間</translation>
    </message>
    <message>
        <location filename="../../dialogs/scoring.py" line="97"/>
        <source>Reach unit</source>
        <translation>リーチの単位</translation>
    </message>
    <message>
        <location filename="../../dialogs/scoring.py" line="98"/>
        <source>Users per customer</source>
        <translation>1 社あたりのユーザー数</translation>
    </message>
    <message>
        <location filename="../../dialogs/scoring.py" line="119"/>
        <source>Factors, numbers, + - * / ^, brackets, and min, max, log and sqrt. Weights are numbers: 0.6*reach + 0.4*mrr/1000 - effort</source>
        <translation>要素、数値、+ - * / ^、括弧、min・max・log・sqrt が使えます。重みは数値で書きます:0.6*reach + 0.4*mrr/1000 - effort</translation>
    </message>
    <message>
        <location filename="../../dialogs/scoring.py" line="124"/>
        <source>Factors: {names}; metric(&quot;name&quot;) for a metric&apos;s latest value, field(&quot;name&quot;) for a number the item brought from its import (story points). Confidence is a fraction: 80% is 0.8.</source>
        <translation>要素:{names}。metric(&quot;名前&quot;) で指標の最新値、field(&quot;名前&quot;) でインポート時に項目が持ち込んだ数値(ストーリーポイントなど)。確度は小数です:80% は 0.8。</translation>
    </message>
    <message>
        <location filename="../../dialogs/scoring.py" line="147"/>
        <source>Write a formula, such as reach * impact * confidence / effort.</source>
        <translation>計算式を入力してください(例:reach * impact * confidence / effort)。</translation>
    </message>
    <message>
        <location filename="../../dialogs/scoring.py" line="181"/>
        <source>No item gets a score: {reason}.</source>
        <translation>スコアが付く項目はありません:{reason}。</translation>
    </message>
    <message>
        <location filename="../../dialogs/scoring.py" line="182"/>
        <source>There are no items to score yet.</source>
        <translation>スコアを付ける項目がまだありません。</translation>
    </message>
    <message>
        <location filename="../../dialogs/scoring.py" line="186"/>
        <source>Scores: {scores}{more} for the top items.</source>
        <translation>上位項目のスコア:{scores}{more}</translation>
    </message>
    <message>
        <location filename="../../operations/settings.py" line="10"/>
        <source>method</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../operations/settings.py" line="10"/>
        <source>time window</source>
        <translation>対象期間</translation>
    </message>
    <message>
        <location filename="../../operations/settings.py" line="12"/>
        <source>formula</source>
        <translation>計算式</translation>
    </message>
    <message>
        <location filename="../../operations/settings.py" line="12"/>
        <source>reach unit</source>
        <translation>リーチの単位</translation>
    </message>
    <message>
        <location filename="../../operations/settings.py" line="13"/>
        <source>users per customer</source>
        <translation>1 社あたりのユーザー数</translation>
    </message>
    <message>
        <location filename="../../operations/settings.py" line="26"/>
        <source>January</source>
        <translation>1月</translation>
    </message>
    <message>
        <location filename="../../operations/settings.py" line="26"/>
        <source>February</source>
        <translation>2月</translation>
    </message>
    <message>
        <location filename="../../operations/settings.py" line="26"/>
        <source>March</source>
        <translation>3月</translation>
    </message>
    <message>
        <location filename="../../operations/settings.py" line="27"/>
        <source>April</source>
        <translation>4月</translation>
    </message>
    <message>
        <location filename="../../operations/settings.py" line="27"/>
        <source>May</source>
        <translation>5月</translation>
    </message>
    <message>
        <location filename="../../operations/settings.py" line="27"/>
        <source>June</source>
        <translation>6月</translation>
    </message>
    <message>
        <location filename="../../operations/settings.py" line="28"/>
        <source>July</source>
        <translation>7月</translation>
    </message>
    <message>
        <location filename="../../operations/settings.py" line="28"/>
        <source>August</source>
        <translation>8月</translation>
    </message>
    <message>
        <location filename="../../operations/settings.py" line="28"/>
        <source>September</source>
        <translation>9月</translation>
    </message>
    <message>
        <location filename="../../operations/settings.py" line="29"/>
        <source>October</source>
        <translation>10月</translation>
    </message>
    <message>
        <location filename="../../operations/settings.py" line="29"/>
        <source>November</source>
        <translation>11月</translation>
    </message>
    <message>
        <location filename="../../operations/settings.py" line="29"/>
        <source>December</source>
        <translation>12月</translation>
    </message>
    <message>
        <location filename="../../operations/settings.py" line="40"/>
        <source>workspace name to “{name}”</source>
        <translation>ワークスペース名を「{name}」に</translation>
    </message>
    <message>
        <location filename="../../operations/settings.py" line="40"/>
        <source>workspace name to the file&apos;s name</source>
        <translation>ワークスペース名をファイル名に</translation>
    </message>
    <message>
        <location filename="../../operations/settings.py" line="42"/>
        <source>fiscal year start to {month}</source>
        <translation>会計年度の開始月（{month}）</translation>
    </message>
    <message>
        <location filename="../../operations/settings.py" line="44"/>
        <source>currency to {code}</source>
        <translation>通貨（{code}）</translation>
    </message>
    <message>
        <location filename="../../operations/settings.py" line="46"/>
        <source>time window to {n} days</source>
        <translation>対象期間（{n}日）</translation>
    </message>
    <message>
        <location filename="../../operations/settings.py" line="47"/>
        <source>scoring {what}</source>
        <translation>スコアリングの{what}</translation>
    </message>
    <message>
        <location filename="../../operations/settings.py" line="56"/>
        <source>Change {what}</source>
        <translation>{what}を変更</translation>
    </message>
    <message>
        <location filename="../../operations/companies.py" line="13"/>
        <location filename="../../operations/settings.py" line="11"/>
        <source>segment</source>
        <translation>セグメント</translation>
    </message>
    <message>
        <location filename="../../operations/companies.py" line="13"/>
        <source>name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../operations/companies.py" line="14"/>
        <source>plan</source>
        <translation>プラン</translation>
    </message>
    <message>
        <location filename="../../operations/companies.py" line="15"/>
        <source>renewal date</source>
        <translation>契約更新日</translation>
    </message>
    <message>
        <location filename="../../operations/companies.py" line="15"/>
        <source>account owner</source>
        <translation>アカウント担当者</translation>
    </message>
    <message>
        <location filename="../../operations/companies.py" line="16"/>
        <source>domain</source>
        <translation>ドメイン</translation>
    </message>
    <message>
        <location filename="../../operations/companies.py" line="24"/>
        <source>Rename company “{old}” to “{new}”</source>
        <translation>企業「{old}」の名前を「{new}」に変更</translation>
    </message>
    <message>
        <location filename="../../operations/companies.py" line="27"/>
        <source>Set {field} of “{company}” to {value}</source>
        <translation>「{company}」の{field}を{value}に設定</translation>
    </message>
    <message>
        <location filename="../../operations/companies.py" line="35"/>
        <source>Merge “{other}” into “{company}”</source>
        <translation>「{other}」を「{company}」に統合</translation>
    </message>
    <message>
        <location filename="../../operations/companies.py" line="37"/>
        <source>Merge {n} companies into “{company}”</source>
        <translation>{n}社を「{company}」に統合</translation>
    </message>
    <message>
        <location filename="../../operations/companies.py" line="43"/>
        <source>Merge segment “{old}” into “{new}”</source>
        <translation>セグメント「{old}」を「{new}」に統合</translation>
    </message>
    <message>
        <location filename="../../operations/companies.py" line="43"/>
        <source>Rename segment “{old}” to “{new}”</source>
        <translation>セグメント「{old}」の名前を「{new}」に変更</translation>
    </message>
    <message>
        <location filename="../../operations/settings.py" line="11"/>
        <source>importance weights</source>
        <translation>重要度の重み</translation>
    </message>
    <message>
        <location filename="../../operations/settings.py" line="21"/>
        <source>Change scoring {what}</source>
        <translation>スコアリングの{what}を変更</translation>
    </message>
    <message>
        <location filename="../../operations/lanes.py" line="30"/>
        <source>Add the {kind} lane “{name}”</source>
        <translation>{kind}レーン「{name}」を追加</translation>
    </message>
    <message>
        <location filename="../../operations/lanes.py" line="36"/>
        <source>Rename lane “{old}” to “{new}”</source>
        <translation>レーン「{old}」の名前を「{new}」に変更</translation>
    </message>
    <message>
        <location filename="../../operations/lanes.py" line="43"/>
        <source>Clear the capacity of “{lane}”</source>
        <translation>「{lane}」のキャパシティをクリア</translation>
    </message>
    <message>
        <location filename="../../operations/lanes.py" line="45"/>
        <source>Set capacity of “{lane}” to {n} person-months</source>
        <translation>「{lane}」のキャパシティを{n}人月に設定</translation>
    </message>
    <message>
        <location filename="../../operations/lanes.py" line="53"/>
        <source>Set the start of “{lane}” to {day}</source>
        <translation>「{lane}」の開始日を{day}に設定</translation>
    </message>
    <message>
        <location filename="../../operations/lanes.py" line="53"/>
        <source>Set the end of “{lane}” to {day}</source>
        <translation>「{lane}」の終了日を{day}に設定</translation>
    </message>
    <message>
        <location filename="../../operations/lanes.py" line="55"/>
        <source>Clear the start of “{lane}”</source>
        <translation>「{lane}」の開始日をクリア</translation>
    </message>
    <message>
        <location filename="../../operations/lanes.py" line="55"/>
        <source>Clear the end of “{lane}”</source>
        <translation>「{lane}」の終了日をクリア</translation>
    </message>
    <message>
        <location filename="../../operations/lanes.py" line="62"/>
        <source>Move lane “{lane}” to position {n}</source>
        <translation>レーン「{lane}」を{n}番目に移動</translation>
    </message>
    <message>
        <location filename="../../operations/lanes.py" line="69"/>
        <source>Add the next quarter</source>
        <translation>次の四半期を追加</translation>
    </message>
    <message>
        <location filename="../../operations/lanes.py" line="75"/>
        <source>Delete lane “{lane}”</source>
        <translation>レーン「{lane}」を削除</translation>
    </message>
    <message>
        <location filename="../../operations/lanes.py" line="77"/>
        <source>Delete lane “{lane}” and move its items to “{to}”</source>
        <translation>レーン「{lane}」を削除し、項目を「{to}」へ移動</translation>
    </message>
    <message>
        <location filename="../../operations/lanes.py" line="84"/>
        <source>Add the next four quarters and Now/Next/Later</source>
        <translation>次の4四半期と Now/Next/Later を追加</translation>
    </message>
    <message>
        <location filename="../../roadmap/lane_menu.py" line="19"/>
        <location filename="../../roadmap/lane_menu.py" line="27"/>
        <location filename="../../roadmap/view.py" line="106"/>
        <location filename="../../roadmap/view.py" line="241"/>
        <source>Edit Lanes…</source>
        <translation>レーンを編集…</translation>
    </message>
    <message>
        <location filename="../../roadmap/lane_menu.py" line="21"/>
        <source>Rename Lane…</source>
        <translation>レーン名を変更…</translation>
    </message>
    <message>
        <location filename="../../roadmap/lane_menu.py" line="23"/>
        <source>Set Capacity…</source>
        <translation>キャパシティを設定…</translation>
    </message>
    <message>
        <location filename="../../roadmap/lane_menu.py" line="25"/>
        <source>Add the Next Quarter</source>
        <translation>次の四半期を追加</translation>
    </message>
    <message>
        <location filename="../../roadmap/lane_menu.py" line="30"/>
        <source>Release Notes and Whom to Tell…</source>
        <translation>リリースノートと連絡先…</translation>
    </message>
    <message>
        <location filename="../../roadmap/lane_menu.py" line="32"/>
        <source>Delete Lane…</source>
        <translation>レーンを削除…</translation>
    </message>
    <message>
        <location filename="../../roadmap/lane_menu.py" line="37"/>
        <source>Rename Lane</source>
        <translation>レーン名を変更</translation>
    </message>
    <message>
        <location filename="../../roadmap/lane_menu.py" line="37"/>
        <source>New name of the lane “{lane}”:</source>
        <translation>レーン「{lane}」の新しい名前：</translation>
    </message>
    <message>
        <location filename="../../roadmap/lane_menu.py" line="45"/>
        <source>Set Capacity</source>
        <translation>キャパシティを設定</translation>
    </message>
    <message>
        <location filename="../../roadmap/lane_menu.py" line="45"/>
        <source>Capacity of “{lane}” in person-months:</source>
        <translation>「{lane}」のキャパシティ（人月）：</translation>
    </message>
    <message>
        <location filename="../../dialogs/lanes.py" line="100"/>
        <location filename="../../dialogs/lanes.py" line="116"/>
        <source>Delete Lane</source>
        <translation>レーンを削除</translation>
    </message>
    <message>
        <location filename="../../backlog/new_item.py" line="17"/>
        <source>New Item</source>
        <translation>新規項目</translation>
    </message>
    <message>
        <location filename="../../backlog/new_item.py" line="23"/>
        <source>What to build, in a few words</source>
        <translation>何を作るかを短く</translation>
    </message>
    <message>
        <location filename="../../backlog/new_item.py" line="25"/>
        <source>Why, for whom, and what done looks like (optional)</source>
        <translation>なぜ、誰のために、何ができれば完了か（任意）</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="32"/>
        <source>Weighted requests</source>
        <translation>重み付き要望</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="34"/>
        <location filename="../../backlog/detail_form.py" line="340"/>
        <source>Metric</source>
        <translation>指標</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="35"/>
        <source>Manual</source>
        <translation>手入力</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="38"/>
        <source>The people asking for it, each once</source>
        <translation>要望している人の数（1人1回）</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="39"/>
        <source>The companies asking for it, each once</source>
        <translation>要望している企業の数（1社1回）</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="40"/>
        <source>The companies asking, each weighted by how important it is to them</source>
        <translation>要望している企業の数（各社にとっての重要度で重み付け）</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="41"/>
        <source>The monthly revenue of the companies asking</source>
        <translation>要望企業の月次売上</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="42"/>
        <source>A share of a product metric&apos;s latest value</source>
        <translation>プロダクト指標の最新値のうちの一定割合</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="43"/>
        <source>A number typed by hand</source>
        <translation>手入力した数値</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="45"/>
        <source>Value/effort</source>
        <translation>価値/工数</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="46"/>
        <source>your own formula</source>
        <translation>独自の計算式</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="50"/>
        <source>Planning</source>
        <translation>計画</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="52"/>
        <source>Estimates (RICE / value)</source>
        <translation>見積もり（RICE / 価値）</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="53"/>
        <source>Ranges for the stability check</source>
        <translation>安定度チェック用の幅</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="54"/>
        <source>ICE</source>
        <translation>ICE</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="55"/>
        <source>WSJF</source>
        <translation>WSJF</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="174"/>
        <source>No theme</source>
        <translation>テーマなし</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="319"/>
        <source>Why, for whom, and what done looks like</source>
        <translation>なぜ、誰のために、何ができれば完了か</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="320"/>
        <source>Saved when you leave the field, or with Ctrl+Enter</source>
        <translation>フィールドを離れるか、Ctrl+Enter で保存されます</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="323"/>
        <source>Pick a theme in use or type a new one</source>
        <translation>使用中のテーマを選ぶか、新しいテーマを入力します</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="324"/>
        <source>comma, separated</source>
        <translation>カンマ区切り</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="325"/>
        <source>Who drives it</source>
        <translation>推進する人</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="325"/>
        <location filename="../../companies/model.py" line="24"/>
        <location filename="../../import_wizard/labels.py" line="34"/>
        <source>Owner</source>
        <translation>担当者</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="334"/>
        <location filename="../../dialogs/lanes.py" line="36"/>
        <location filename="../../import_wizard/labels.py" line="50"/>
        <source>Start</source>
        <translation>開始日</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="335"/>
        <location filename="../../dialogs/lanes.py" line="37"/>
        <location filename="../../import_wizard/labels.py" line="51"/>
        <source>End</source>
        <translation>終了日</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="337"/>
        <source>Where the item&apos;s reach comes from</source>
        <translation>この項目のリーチの算出元</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="340"/>
        <source>The metric whose latest value gives the reach</source>
        <translation>最新値をリーチとして使う指標</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="341"/>
        <location filename="../../backlog/explanation.py" line="161"/>
        <source>Share</source>
        <translation>割合</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="342"/>
        <source>The part of the metric this item reaches (blank: all of it)</source>
        <translation>指標のうち、この項目がリーチする割合（空欄：全体）</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="343"/>
        <source>per quarter</source>
        <translation>四半期あたり</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="344"/>
        <source>How many it reaches per quarter</source>
        <translation>四半期あたりのリーチ数</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="346"/>
        <location filename="../../backlog/detail_form.py" line="371"/>
        <location filename="../../backlog/new_item.py" line="45"/>
        <location filename="../../backlog/new_item.py" line="48"/>
        <location filename="../../backlog/new_item.py" line="52"/>
        <source>not estimated</source>
        <translation>未見積もり</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="348"/>
        <source>RICE impact: 3 massive … 0.25 minimal</source>
        <translation>RICE のインパクト：3 非常に大 … 0.25 極小</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="350"/>
        <source>How sure the estimates are</source>
        <translation>見積もりの確からしさ</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="351"/>
        <location filename="../../backlog/detail_form.py" line="359"/>
        <location filename="../../backlog/detail_form.py" line="360"/>
        <location filename="../../backlog/new_item.py" line="46"/>
        <source>person-months</source>
        <translation>人月</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="352"/>
        <source>from demand</source>
        <translation>需要から算出</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="353"/>
        <source>Business value, for value/effort; blank takes it from demand</source>
        <translation>ビジネス価値（価値/工数で使用）。空欄なら需要から算出します</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="355"/>
        <source>Impact low</source>
        <translation>インパクト下限</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="356"/>
        <source>Impact high</source>
        <translation>インパクト上限</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="357"/>
        <source>Confidence low</source>
        <translation>確度下限</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="358"/>
        <source>Confidence high</source>
        <translation>確度上限</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="359"/>
        <source>Effort low</source>
        <translation>工数下限</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="360"/>
        <source>Effort high</source>
        <translation>工数上限</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="361"/>
        <source>blank: from the confidence</source>
        <translation>空欄：確度から算出</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="365"/>
        <location filename="../../backlog/explanation.py" line="34"/>
        <location filename="../../backlog/model.py" line="44"/>
        <source>Ease</source>
        <translation>容易さ</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="367"/>
        <location filename="../../backlog/explanation.py" line="35"/>
        <location filename="../../backlog/model.py" line="45"/>
        <location filename="../../import_wizard/labels.py" line="44"/>
        <source>Business value</source>
        <translation>ビジネス価値</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="368"/>
        <location filename="../../backlog/explanation.py" line="36"/>
        <location filename="../../backlog/model.py" line="46"/>
        <location filename="../../import_wizard/labels.py" line="45"/>
        <source>Time criticality</source>
        <translation>時間的緊急性</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="369"/>
        <location filename="../../backlog/explanation.py" line="37"/>
        <location filename="../../backlog/model.py" line="47"/>
        <location filename="../../import_wizard/labels.py" line="46"/>
        <source>Risk reduction</source>
        <translation>リスク低減</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="370"/>
        <source>Risk reduction or opportunity enablement</source>
        <translation>リスク低減・機会創出</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="372"/>
        <location filename="../../backlog/explanation.py" line="38"/>
        <location filename="../../backlog/model.py" line="49"/>
        <location filename="../../import_wizard/labels.py" line="47"/>
        <source>Job size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="427"/>
        <source>used by {method}</source>
        <translation>{method}で使用</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="451"/>
        <source>No metrics yet: import them in the Metrics view</source>
        <translation>指標がありません：指標ビューでインポートしてください</translation>
    </message>
    <message>
        <location filename="../../backlog/detail_form.py" line="453"/>
        <source>Choose a metric…</source>
        <translation>指標を選択…</translation>
    </message>
    <message>
        <location filename="../../backlog/new_item.py" line="69"/>
        <source>Add Item</source>
        <translation>項目を追加</translation>
    </message>
    <message>
        <location filename="../../companies/dialogs.py" line="23"/>
        <source>Merge Companies</source>
        <translation>企業を統合</translation>
    </message>
    <message>
        <location filename="../../companies/dialogs.py" line="26"/>
        <source>Keep which company? The others&apos; requests move to it and the others are deleted. Fields the kept company has empty are filled from the others.</source>
        <translation>どの企業を残しますか？ ほかの企業の要望はこの企業に移り、ほかの企業は削除されます。残す企業の空欄のフィールドは、ほかの企業の値で埋められます。</translation>
    </message>
    <message>
        <location filename="../../companies/dialogs.py" line="34"/>
        <source>{n} requests</source>
        <translation>要望 {n}件</translation>
    </message>
    <message>
        <location filename="../../companies/dialogs.py" line="70"/>
        <source>“{company}” is kept. Requests moving to it: {n}. Deleted: {names}.</source>
        <translation>「{company}」を残します。移る要望：{n}件。削除：{names}。</translation>
    </message>
    <message>
        <location filename="../../companies/dialogs.py" line="98"/>
        <source>Segments</source>
        <translation>セグメント</translation>
    </message>
    <message>
        <location filename="../../companies/dialogs.py" line="105"/>
        <source>New name, or a segment to merge into</source>
        <translation>新しい名前、または統合先のセグメント</translation>
    </message>
    <message>
        <location filename="../../companies/dialogs.py" line="106"/>
        <location filename="../../companies/dialogs.py" line="169"/>
        <source>Rename</source>
        <translation>名前を変更</translation>
    </message>
    <message>
        <location filename="../../companies/dialogs.py" line="110"/>
        <source>Choose an existing segment to merge the two (大企業 → Enterprise, say): every company of the selected segment moves to it. Edit ▸ Undo takes it back.</source>
        <translation>既存のセグメントを選ぶと、2つを統合できます（例：大企業 → Enterprise）。選択したセグメントの企業はすべてそちらに移ります。「編集 ▸ 元に戻す」で元に戻せます。</translation>
    </message>
    <message>
        <location filename="../../companies/dialogs.py" line="115"/>
        <source>Rename to:</source>
        <translation>新しい名前：</translation>
    </message>
    <message>
        <location filename="../../companies/dialogs.py" line="172"/>
        <source>No company has a segment yet.</source>
        <translation>セグメントが設定された企業はまだありません。</translation>
    </message>
    <message>
        <location filename="../../companies/dialogs.py" line="174"/>
        <source>Type a new name for “{segment}”, or pick a segment to merge it into.</source>
        <translation>「{segment}」の新しい名前を入力するか、統合先のセグメントを選んでください。</translation>
    </message>
    <message>
        <location filename="../../companies/dialogs.py" line="176"/>
        <source>The {n} companies of “{old}” join the {m} of “{new}”.</source>
        <translation>「{old}」の{n}社が「{new}」の{m}社に加わります。</translation>
    </message>
    <message>
        <location filename="../../companies/dialogs.py" line="179"/>
        <source>The {n} companies of “{old}” will be in “{new}”.</source>
        <translation>「{old}」の{n}社は「{new}」に移ります。</translation>
    </message>
    <message>
        <location filename="../../companies/view.py" line="48"/>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../companies/view.py" line="81"/>
        <source>Find a company, segment, plan or owner…</source>
        <translation>企業・セグメント・プラン・担当者を検索…</translation>
    </message>
    <message>
        <location filename="../../companies/view.py" line="84"/>
        <location filename="../../companies/view.py" line="265"/>
        <source>Merge Companies…</source>
        <translation>企業を統合…</translation>
    </message>
    <message>
        <location filename="../../companies/view.py" line="85"/>
        <source>Select two or more companies that are the same customer.</source>
        <translation>同じ顧客である企業を2社以上選択してください。</translation>
    </message>
    <message>
        <location filename="../../companies/view.py" line="86"/>
        <location filename="../../companies/view.py" line="267"/>
        <source>Segments…</source>
        <translation>セグメント…</translation>
    </message>
    <message>
        <location filename="../../companies/view.py" line="87"/>
        <source>Rename a segment, or merge it into another.</source>
        <translation>セグメントの名前を変更するか、別のセグメントに統合します。</translation>
    </message>
    <message>
        <location filename="../../companies/view.py" line="98"/>
        <source>No companies yet. Import your account list from the CRM (Salesforce, HubSpot or a sheet), or let them come with the requests you import (from their organization column or the requesters&apos; e-mail domains).</source>
        <translation>まだ企業がありません。CRM（Salesforce、HubSpot、シート）の取引先一覧を取り込むか、取り込んだ要望から追加されるのを待ってください（組織の列や要望者のメールのドメインから）。</translation>
    </message>
    <message>
        <location filename="../../companies/view.py" line="102"/>
        <source>Import Companies…</source>
        <translation>企業をインポート…</translation>
    </message>
    <message>
        <location filename="../../companies/view.py" line="180"/>
        <source>{shown} of {total} companies</source>
        <translation>{total}社中{shown}社</translation>
    </message>
    <message>
        <location filename="../../companies/view.py" line="181"/>
        <source>{total} companies</source>
        <translation>{total}社</translation>
    </message>
    <message>
        <location filename="../../dialogs/workspace_settings.py" line="28"/>
        <source>US dollar</source>
        <translation>米ドル</translation>
    </message>
    <message>
        <location filename="../../dialogs/workspace_settings.py" line="28"/>
        <source>Japanese yen</source>
        <translation>日本円</translation>
    </message>
    <message>
        <location filename="../../dialogs/workspace_settings.py" line="28"/>
        <source>Euro</source>
        <translation>ユーロ</translation>
    </message>
    <message>
        <location filename="../../dialogs/workspace_settings.py" line="29"/>
        <source>British pound</source>
        <translation>英ポンド</translation>
    </message>
    <message>
        <location filename="../../dialogs/workspace_settings.py" line="29"/>
        <source>Chinese yuan</source>
        <translation>人民元</translation>
    </message>
    <message>
        <location filename="../../dialogs/workspace_settings.py" line="30"/>
        <source>South Korean won</source>
        <translation>韓国ウォン</translation>
    </message>
    <message>
        <location filename="../../dialogs/workspace_settings.py" line="30"/>
        <source>Indian rupee</source>
        <translation>インドルピー</translation>
    </message>
    <message>
        <location filename="../../dialogs/workspace_settings.py" line="31"/>
        <source>Australian dollar</source>
        <translation>豪ドル</translation>
    </message>
    <message>
        <location filename="../../dialogs/workspace_settings.py" line="31"/>
        <source>Canadian dollar</source>
        <translation>カナダドル</translation>
    </message>
    <message>
        <location filename="../../dialogs/workspace_settings.py" line="32"/>
        <source>New Zealand dollar</source>
        <translation>ニュージーランドドル</translation>
    </message>
    <message>
        <location filename="../../dialogs/workspace_settings.py" line="32"/>
        <source>Singapore dollar</source>
        <translation>シンガポールドル</translation>
    </message>
    <message>
        <location filename="../../dialogs/workspace_settings.py" line="33"/>
        <source>Hong Kong dollar</source>
        <translation>香港ドル</translation>
    </message>
    <message>
        <location filename="../../dialogs/workspace_settings.py" line="33"/>
        <source>New Taiwan dollar</source>
        <translation>新台湾ドル</translation>
    </message>
    <message>
        <location filename="../../dialogs/workspace_settings.py" line="34"/>
        <source>Swiss franc</source>
        <translation>スイスフラン</translation>
    </message>
    <message>
        <location filename="../../dialogs/workspace_settings.py" line="34"/>
        <source>Swedish krona</source>
        <translation>スウェーデンクローナ</translation>
    </message>
    <message>
        <location filename="../../dialogs/workspace_settings.py" line="35"/>
        <source>Norwegian krone</source>
        <translation>ノルウェークローネ</translation>
    </message>
    <message>
        <location filename="../../dialogs/workspace_settings.py" line="35"/>
        <source>Danish krone</source>
        <translation>デンマーククローネ</translation>
    </message>
    <message>
        <location filename="../../dialogs/workspace_settings.py" line="36"/>
        <source>Brazilian real</source>
        <translation>ブラジルレアル</translation>
    </message>
    <message>
        <location filename="../../dialogs/workspace_settings.py" line="36"/>
        <source>Mexican peso</source>
        <translation>メキシコペソ</translation>
    </message>
    <message>
        <location filename="../../dialogs/workspace_settings.py" line="36"/>
        <source>Thai baht</source>
        <translation>タイバーツ</translation>
    </message>
    <message>
        <location filename="../../dialogs/workspace_settings.py" line="37"/>
        <source>Vietnamese dong</source>
        <translation>ベトナムドン</translation>
    </message>
    <message>
        <location filename="../../dialogs/workspace_settings.py" line="45"/>
        <source>{code} — {symbol} {name}</source>
        <translation>{code} — {symbol} {name}</translation>
    </message>
    <message>
        <location filename="../../dialogs/workspace_settings.py" line="51"/>
        <source>Q1 is {first}–{last}</source>
        <translation>Q1 は{first}〜{last}</translation>
    </message>
    <message>
        <location filename="../../dialogs/workspace_settings.py" line="59"/>
        <source>Workspace Settings</source>
        <translation>ワークスペース設定</translation>
    </message>
    <message>
        <location filename="../../dialogs/workspace_settings.py" line="64"/>
        <source>Shown in the window&apos;s title. Leave it blank to use the file&apos;s name.</source>
        <translation>ウィンドウのタイトルに表示されます。空欄ならファイル名を使います。</translation>
    </message>
    <message>
        <location filename="../../dialogs/workspace_settings.py" line="68"/>
        <source>Quarters and fiscal years are named from this month.</source>
        <translation>四半期と会計年度は、この月を起点に名前が付きます。</translation>
    </message>
    <message>
        <location filename="../../dialogs/workspace_settings.py" line="73"/>
        <source>The currency of MRR and ARR, in the views, the command line and exported workbooks.</source>
        <translation>MRR と ARR の通貨です。各ビュー、コマンドライン、エクスポートしたブックで使われます。</translation>
    </message>
    <message>
        <location filename="../../dialogs/workspace_settings.py" line="82"/>
        <source>Workspace name</source>
        <translation>ワークスペース名</translation>
    </message>
    <message>
        <location filename="../../dialogs/workspace_settings.py" line="83"/>
        <source>Fiscal year starts in</source>
        <translation>会計年度の開始月</translation>
    </message>
    <message>
        <location filename="../../dialogs/workspace_settings.py" line="85"/>
        <source>Currency</source>
        <translation>通貨</translation>
    </message>
    <message>
        <location filename="../../dialogs/workspace_settings.py" line="93"/>
        <source>General</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../dialogs/workspace_settings.py" line="94"/>
        <source>Scoring</source>
        <translation>スコアリング</translation>
    </message>
    <message>
        <location filename="../../dialogs/workspace_settings.py" line="143"/>
        <source>Shown as {full}; on boards and bubbles {short}</source>
        <translation>表示：{full}（ボードとバブルでは {short}）</translation>
    </message>
    <message>
        <location filename="../../metrics/chart.py" line="47"/>
        <source>No values yet: import them with File ▸ Import Metrics…</source>
        <translation>値がありません：ファイル ▸ 指標をインポート… でインポートしてください</translation>
    </message>
    <message>
        <location filename="../../operations/metrics.py" line="12"/>
        <source>Import metrics from {file}</source>
        <translation>{file} から指標をインポート</translation>
    </message>
    <message>
        <location filename="../../operations/metrics.py" line="17"/>
        <source>Add the {template} metrics</source>
        <translation>{template} 指標を追加</translation>
    </message>
    <message>
        <location filename="../../widgets/date_edit.py" line="44"/>
        <source>No date (YYYY-MM-DD)</source>
        <translation>日付なし（YYYY-MM-DD）</translation>
    </message>
    <message>
        <location filename="../../widgets/date_edit.py" line="59"/>
        <source>Pick a date</source>
        <translation>日付を選択</translation>
    </message>
    <message>
        <location filename="../../import_wizard/messages.py" line="27"/>
        <source>The source is “{source}”, taken from the file name; type the tool&apos;s name in Source to keep its exports together.</source>
        <translation>ソースはファイル名から「{source}」としました。同じツールのエクスポートをまとめるには、ソース欄にツール名を入力してください。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/messages.py" line="30"/>
        <source>Type a name in Source to keep the files of one tool or backlog together.</source>
        <translation>同じツールやバックログのファイルをまとめるには、ソース欄に名前を入力してください。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/messages.py" line="33"/>
        <source>The encoding was guessed as {encoding}; choose another in Encoding if the text looks wrong.</source>
        <translation>文字コードは {encoding} と推定しました。文字化けしている場合は「文字コード」で別のものを選んでください。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/messages.py" line="36"/>
        <source>Choose another encoding if the text looks wrong.</source>
        <translation>文字化けしている場合は別の文字コードを選んでください。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/messages.py" line="38"/>
        <source>Choose another in Sheet to read it instead.</source>
        <translation>別のシートを読むには「シート」で選んでください。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/messages.py" line="41"/>
        <source>The column “{column}” seems to count days, weeks or hours, but effort is read in person-months: convert it, or choose “(not imported)” for Effort.</source>
        <translation>列「{column}」は日数・週数・時間のようですが、工数は人月で読みます。換算するか、工数に「(インポートしない)」を選んでください。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/messages.py" line="44"/>
        <source>If so, choose “(not imported)” for ARR, or the column of what it pays.</source>
        <translation>その場合は ARR に「(インポートしない)」を選ぶか、支払額の列を選んでください。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/messages.py" line="46"/>
        <source>Fill the cell, or choose another column for Title.</source>
        <translation>セルを埋めるか、タイトルに別の列を選んでください。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/messages.py" line="48"/>
        <source>Choose the column that holds the title.</source>
        <translation>タイトルの列を選んでください。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/messages.py" line="50"/>
        <source>Choose the column that holds the company name.</source>
        <translation>企業名の列を選んでください。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/messages.py" line="52"/>
        <source>Choose the columns for each field above.</source>
        <translation>上の各項目の列を選んでください。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/messages.py" line="60"/>
        <source>Skipped {n} rows above the header (row {row}).</source>
        <translation>見出し({row} 行目)より上の {n} 行を読み飛ばしました。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/messages.py" line="64"/>
        <source>The source is “{source}”, taken from the file name: items are matched again by their “{column}” column within it.</source>
        <translation>ソースはファイル名から「{source}」としました。次回以降、このソース内では「{column}」列で同じ項目を見分けます。</translation>
    </message>
    <message>
        <location filename="../../import_wizard/messages.py" line="67"/>
        <source>The source is “{source}”, taken from the file name: items are matched again by title within it.</source>
        <translation>ソースはファイル名から「{source}」としました。次回以降、このソース内ではタイトルで同じ項目を見分けます。</translation>
    </message>
    <message>
        <location filename="../../dialogs/shortcuts.py" line="34"/>
        <source>Keyboard Shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <location filename="../../dialogs/shortcuts.py" line="37"/>
        <source>Search by name or key, e.g. undo or Ctrl+I</source>
        <translation>名前やキーで検索（例：元に戻す、Ctrl+I）</translation>
    </message>
    <message>
        <location filename="../../dialogs/shortcuts.py" line="41"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../dialogs/shortcuts.py" line="41"/>
        <source>Keys</source>
        <translation>キー</translation>
    </message>
    <message>
        <location filename="../../dialogs/shortcuts.py" line="47"/>
        <source>No shortcut matches.</source>
        <translation>一致するショートカットはありません。</translation>
    </message>
    <message>
        <location filename="../../inbox/banner.py" line="37"/>
        <source>Undo ({key})</source>
        <translation>元に戻す ({key})</translation>
    </message>
    <message>
        <location filename="../../backlog/explanation.py" line="83"/>
        <source>{n} people</source>
        <translation>{n}人</translation>
    </message>
    <message>
        <location filename="../../backlog/explanation.py" line="84"/>
        <source>{n} companies</source>
        <translation>{n}社</translation>
    </message>
    <message>
        <location filename="../../backlog/explanation.py" line="85"/>
        <source>{n} person-months</source>
        <translation>{n}人月</translation>
    </message>
    <message>
        <location filename="../../backlog/explanation.py" line="86"/>
        <source>{n} users</source>
        <translation>{n}ユーザー</translation>
    </message>
    <message>
        <location filename="../../backlog/explanation.py" line="90"/>
        <source>estimate, in percent</source>
        <translation>見積もり(%)</translation>
    </message>
    <message>
        <location filename="../../backlog/explanation.py" line="91"/>
        <source>estimate, in person-months</source>
        <translation>見積もり(人月)</translation>
    </message>
    <message>
        <location filename="../../backlog/explanation.py" line="92"/>
        <source>typed by hand</source>
        <translation>手入力</translation>
    </message>
    <message>
        <location filename="../../backlog/explanation.py" line="94"/>
        <source>estimate: {level}</source>
        <translation>見積もり:{level}</translation>
    </message>
    <message>
        <location filename="../../backlog/explanation.py" line="158"/>
        <source>Factor</source>
        <translation>要素</translation>
    </message>
    <message>
        <location filename="../../backlog/explanation.py" line="160"/>
        <source>Where from</source>
        <translation>出どころ</translation>
    </message>
    <message>
        <location filename="../../backlog/explanation.py" line="186"/>
        <source>From: {source}</source>
        <translation>出どころ:{source}</translation>
    </message>
    <message>
        <location filename="../../backlog/explanation.py" line="189"/>
        <source>Share of the score: {share}</source>
        <translation>スコアに占める割合:{share}</translation>
    </message>
    <message>
        <location filename="../../backlog/explanation.py" line="287"/>
        <source>{n} requests from {people} people (the last {days} days, since {since})</source>
        <translation>要望 {n}件({people}人から、直近 {days} 日:{since} 以降)</translation>
    </message>
    <message>
        <location filename="../../backlog/explanation.py" line="289"/>
        <source>{n} requesters without a company</source>
        <translation>企業のない要望者 {n}人</translation>
    </message>
    <message>
        <location filename="../../backlog/explanation.py" line="290"/>
        <source>{n} older requests not counted: widen the window (Edit ▸ Workspace Settings)</source>
        <translation>集計期間より古い要望 {n} 件は数えていません。期間を広げるには 編集 ▸ ワークスペース設定</translation>
    </message>
    <message>
        <location filename="../../backlog/explanation.py" line="292"/>
        <source>{n} requests from outside the segment not counted</source>
        <translation>セグメント外の要望 {n} 件は数えていません</translation>
    </message>
    <message>
        <location filename="../../backlog/explanation.py" line="325"/>
        <source>Requests: {n}</source>
        <translation>要望:{n}件</translation>
    </message>
    <message>
        <location filename="../../backlog/explanation.py" line="327"/>
        <source>Companies: {n}</source>
        <translation>企業:{n}社</translation>
    </message>
    <message>
        <location filename="../../backlog/explanation.py" line="301"/>
        <location filename="../../backlog/explanation.py" line="329"/>
        <source>MRR: {amount}</source>
        <translation>MRR:{amount}</translation>
    </message>
    <message>
        <location filename="../../backlog/explanation.py" line="351"/>
        <source>Factors of the score</source>
        <translation>スコアの要素</translation>
    </message>
    <message>
        <location filename="../../backlog/explanation.py" line="366"/>
        <source>As text</source>
        <translation>文章で表示</translation>
    </message>
    <message>
        <location filename="../../backlog/explanation.py" line="371"/>
        <source>The explanation in words, as the workbook and the command line give it</source>
        <translation>ワークブックやコマンドラインと同じ、文章での説明</translation>
    </message>
    <message>
        <location filename="../../backlog/history_chart.py" line="40"/>
        <source>Score and rank over time</source>
        <translation>スコアと順位の推移</translation>
    </message>
    <message>
        <location filename="../../backlog/history_chart.py" line="58"/>
        <source>Score {first} → {last}, rank {first_rank} → {last_rank}, {n} points from {start} to {end}</source>
        <translation>スコア {first} → {last}、順位 {first_rank} → {last_rank}({start}〜{end}、{n} 点)</translation>
    </message>
    <message>
        <location filename="../../backlog/history_chart.py" line="63"/>
        <location filename="../../backlog/history_chart.py" line="167"/>
        <source>{day}: score {score}, rank {rank}</source>
        <translation>{day}:スコア {score}、{rank} 位</translation>
    </message>
    <message>
        <location filename="../../changes/model.py" line="15"/>
        <source>Added</source>
        <translation>追加</translation>
    </message>
    <message>
        <location filename="../../changes/model.py" line="16"/>
        <source>Removed</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../changes/model.py" line="20"/>
        <source>Estimate</source>
        <translation>見積もり</translation>
    </message>
    <message>
        <location filename="../../changes/model.py" line="23"/>
        <source>slipped</source>
        <translation>後ろ倒し</translation>
    </message>
    <message>
        <location filename="../../changes/model.py" line="24"/>
        <source>pulled in</source>
        <translation>前倒し</translation>
    </message>
    <message>
        <location filename="../../changes/model.py" line="25"/>
        <source>into the ranking</source>
        <translation>ランキング入り</translation>
    </message>
    <message>
        <location filename="../../changes/model.py" line="26"/>
        <source>out of the ranking</source>
        <translation>ランキング外</translation>
    </message>
    <message>
        <location filename="../../changes/model.py" line="27"/>
        <source>onto the roadmap</source>
        <translation>計画に追加</translation>
    </message>
    <message>
        <location filename="../../changes/model.py" line="28"/>
        <source>off the roadmap</source>
        <translation>計画から除外</translation>
    </message>
    <message>
        <location filename="../../changes/model.py" line="30"/>
        <source>not set</source>
        <translation>未設定</translation>
    </message>
    <message>
        <location filename="../../changes/model.py" line="85"/>
        <source>Change</source>
        <translation>変更</translation>
    </message>
    <message>
        <location filename="../../changes/model.py" line="86"/>
        <source>Before</source>
        <translation>変更前</translation>
    </message>
    <message>
        <location filename="../../changes/model.py" line="87"/>
        <source>After</source>
        <translation>変更後</translation>
    </message>
    <message>
        <location filename="../../changes/model.py" line="105"/>
        <source>{title}: {before} → {after}</source>
        <translation>{title}:{before} → {after}</translation>
    </message>
    <message>
        <location filename="../../changes/view.py" line="55"/>
        <source>Compare with the last snapshot taken on or before this day</source>
        <translation>この日以前で最後のスナップショットと比べます</translation>
    </message>
    <message>
        <location filename="../../changes/view.py" line="61"/>
        <source>Search titles, lanes and values…</source>
        <translation>タイトル・レーン・値を検索…</translation>
    </message>
    <message>
        <location filename="../../changes/view.py" line="70"/>
        <location filename="../../changes/view.py" line="99"/>
        <location filename="../../changes/view.py" line="222"/>
        <source>Take Snapshot…</source>
        <translation>スナップショットを作成…</translation>
    </message>
    <message>
        <location filename="../../changes/view.py" line="71"/>
        <source>Record every item&apos;s score, rank, lane, status and estimates now</source>
        <translation>全項目のスコア・順位・レーン・ステータス・見積もりをいま記録します</translation>
    </message>
    <message>
        <location filename="../../changes/view.py" line="81"/>
        <source>Show:</source>
        <translation>表示:</translation>
    </message>
    <message>
        <location filename="../../changes/view.py" line="100"/>
        <location filename="../../changes/view.py" line="222"/>
        <source>Export…</source>
        <translation>エクスポート…</translation>
    </message>
    <message>
        <location filename="../../changes/view.py" line="101"/>
        <location filename="../../changes/view.py" line="230"/>
        <source>Show All Kinds</source>
        <translation>すべての種類を表示</translation>
    </message>
    <message>
        <location filename="../../changes/view.py" line="143"/>
        <source>The latest snapshot</source>
        <translation>最新のスナップショット</translation>
    </message>
    <message>
        <location filename="../../changes/view.py" line="144"/>
        <source>A date…</source>
        <translation>日付を指定…</translation>
    </message>
    <message>
        <location filename="../../changes/view.py" line="208"/>
        <source>{shown} of {total} changes</source>
        <translation>{total} 件中 {shown} 件の変更</translation>
    </message>
    <message>
        <location filename="../../changes/view.py" line="209"/>
        <source>{n} changes</source>
        <translation>{n} 件の変更</translation>
    </message>
    <message>
        <location filename="../../changes/view.py" line="211"/>
        <source>since {snapshot}</source>
        <translation>{snapshot} 以降</translation>
    </message>
    <message>
        <location filename="../../changes/view.py" line="220"/>
        <source>No snapshot yet: take one, or export the workbook, which takes one. Then this view lists what changed since: rank moves, lane moves, status and estimates.</source>
        <translation>スナップショットがまだありません。作成するか、ワークブックをエクスポートしてください(エクスポート時に自動で作成されます)。以降の変更(順位・レーン・ステータス・見積もり)をここに一覧します。</translation>
    </message>
    <message>
        <location filename="../../changes/view.py" line="226"/>
        <source>Nothing changed since {snapshot}.</source>
        <translation>{snapshot} 以降、変更はありません。</translation>
    </message>
    <message>
        <location filename="../../changes/view.py" line="228"/>
        <source>No change matches the search and the kinds chosen: {n} are hidden.</source>
        <translation>検索と選んだ種類に合う変更はありません({n} 件を非表示)。</translation>
    </message>
    <message>
        <location filename="../../changes/view.py" line="258"/>
        <source>“{title}” was removed: it is no longer in the backlog.</source>
        <translation>「{title}」は削除されました。バックログにもうありません。</translation>
    </message>
    <message>
        <location filename="../../changes/view.py" line="266"/>
        <source>Take Snapshot</source>
        <translation>スナップショットを作成</translation>
    </message>
    <message>
        <location filename="../../changes/view.py" line="267"/>
        <source>A note to find it by later (optional), such as “before the Q3 replan”:</source>
        <translation>あとで探すためのメモ(任意。例:「Q3 再計画の前」):</translation>
    </message>
    <message>
        <location filename="../../changes/view.py" line="278"/>
        <source>Snapshot taken: {n} items recorded. Later changes show here, compared with it.</source>
        <translation>スナップショットを作成しました:{n} 件の項目を記録。以降の変更はこれと比べてここに表示されます。</translation>
    </message>
    <message>
        <location filename="../../widgets/snapshots.py" line="14"/>
        <source>taken by hand</source>
        <translation>手動で作成</translation>
    </message>
    <message>
        <location filename="../../widgets/snapshots.py" line="15"/>
        <source>at a workbook export</source>
        <translation>ワークブックのエクスポート時</translation>
    </message>
    <message>
        <location filename="../../widgets/snapshots.py" line="16"/>
        <source>daily</source>
        <translation>毎日</translation>
    </message>
    <message>
        <location filename="../../operations/releases.py" line="15"/>
        <source>Set public title of “{title}”</source>
        <translation>「{title}」の公開タイトルを設定</translation>
    </message>
    <message>
        <location filename="../../operations/releases.py" line="16"/>
        <source>Set public summary of “{title}”</source>
        <translation>「{title}」の公開サマリーを設定</translation>
    </message>
    <message>
        <location filename="../../operations/releases.py" line="24"/>
        <source>Mark everyone informed for {lane}</source>
        <translation>{lane} の全員を連絡済みにする</translation>
    </message>
    <message>
        <location filename="../../operations/releases.py" line="26"/>
        <source>Mark {n} request(s) informed for {lane}</source>
        <translation>{lane} の要望 {n} 件を連絡済みにする</translation>
    </message>
</context>
</TS>
