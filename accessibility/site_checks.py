"""The site's own browser checks (独自の試験) and the page types they visit, by stable id.

The browser tests name each check by its id (`@pytest.mark.a11y_check("skip-link", …)`) and the
results file records the id; the 試験結果 page shows the label below in the reader's language. An
id without a label here is refused when the results are summarised, so the page never shows a
test's own words.
"""

from django.utils.translation import gettext_lazy as _

CHECK_LABELS = {
    "font-bytes": _(
        "施策のページを初めて開いたときのフォントのデータ量が、太さごとに 200 KB 以下"
        "（一般的な分割配信の 35 % 以下）"
    ),
    "skip-link": _("「本文へ移動」のリンクが最初にフォーカスを受け、本文に移動する"),
    "focus-visible": _(
        "Tab キーで移動すると、すべての操作部品にフォーカスの枠が表示され、画面内にあって隠れない"
    ),
    "target-size": _("操作部品の大きさが 24 × 24 CSS px 以上"),
    "keyboard-glossary-popover": _(
        "施策のページをキーボードだけで操作でき、用語の説明を開いて閉じられる"
    ),
    "glossary-link-without-javascript": _(
        "JavaScript が動かなくても、用語のリンクから用語集の説明に移動できる"
    ),
    "phone-header": _(
        "390 × 844 px のスマートフォンで、ヘッダーが画面の4分の1以下に収まり、メニューが開く"
    ),
    "text-size-toggles": _(
        "文字サイズ（標準・大・特大）の切り替えボタンが押された状態を伝え、ページを移っても保たれる"
        "（JavaScript の有無によらない）"
    ),
    "colour-scheme-toggles": _(
        "配色（標準・黒地に黄・青地に白）の切り替えボタンが押された状態を伝え、"
        "標準は端末のダークモードに従う"
    ),
    "furigana-toggle": _("ふりがなの表示を切り替えられ、その設定が保たれる"),
    "furigana-focus-return": _(
        "ふりがなを切り替えた後、開いたままのパネルに戻り、切り替えボタンにフォーカスがある"
    ),
    "read-aloud": _(
        "読み上げは、端末にそのページの言語の音声があるときだけ表示し、読み上げられないときは"
        "そのことを伝える"
    ),
    "table-words-unbroken": _("表のセルの中で単語が途中で折り返されない（幅 320・390・1280 px）"),
    "tables-stack": _(
        "表1-2 と計画の表は、小さな画面では行ごとに縦に並び、各セルが列の見出しを示す"
    ),
    "text-contrast": _(
        "すべての配色（標準の明・暗、黒地に黄、青地に白）で、文字のコントラスト比が 4.5:1 以上"
    ),
    "reflow-320": _("幅 320 CSS px で、横にスクロールせずに読める"),
    "text-resize-200": _("文字を 200 % に拡大しても、欠ける部分も横スクロールもない"),
    "reduced-motion": _("動きを減らす設定のとき、スクロールと切り替えの動きを止める"),
    "print-measure": _(
        "施策のページを印刷すると、本文だけが白地に黒で、表が途中で切れずに印刷される"
    ),
    "japanese-typography": _(
        "日本語の文字組み：本文 16〜17 px、行間 1.7、字間 0.02em、1行 40 字以内、両端揃えなし"
    ),
    "fonts-every-language": _(
        "日本語・韓国語・中国語のフォントがない端末でも、すべての言語の文字をこのサイトのフォントで"
        "表示する"
    ),
    "landmarks-headings": _(
        "ヘッダー・ナビゲーション・本文・フッターのランドマークがあり、見出し1は1つで、"
        "見出しのレベルを飛ばさない"
    ),
    "table-structure": _(
        "表にキャプションと見出しの範囲があり、画面より広い表は名前の付いた、"
        "フォーカスできる領域の中でスクロールする"
    ),
    "evaluation-not-colour-only": _(
        "評価（計画通り・少し遅延・遅延）を色だけでなく、言葉と記号で示す"
    ),
}

# The page types of tests/browser/pages.py; "other" is a page outside that list.
PAGE_TYPE_LABELS = {
    "home": _("ホーム"),
    "measure-list": _("施策一覧"),
    "measure": _("施策のページ"),
    "glossary": _("用語集"),
    "search-hits": _("検索結果"),
    "search-no-hits": _("該当のない検索結果"),
    "not-found": _("ページが見つからないとき"),
    "open-data": _("オープンデータ"),
    "accessibility": _("ウェブアクセシビリティ方針"),
    "accessibility-results": _("試験結果"),
    "other": _("その他のページ"),
}


class UnknownCheck(ValueError):
    """A results file names a check or page type that has no label here."""


def _label(labels, key, kind):
    try:
        return labels[key]
    except KeyError:
        raise UnknownCheck(f"{kind} {key!r} has no label in accessibility/site_checks.py") from None


def check_label(check_id):
    return _label(CHECK_LABELS, check_id, "check")


def page_type_label(page_type):
    return _label(PAGE_TYPE_LABELS, page_type, "page type")
