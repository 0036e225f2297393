"""WCAG 2.2 success criteria, levels A and AA, with the Japanese names of JIS X 8341-3 reports.

JIS X 8341-3:2016 is identical to WCAG 2.0; criteria added by WCAG 2.1 and 2.2 are marked so the
report can show both targets. 4.1.1 (parsing) was removed in WCAG 2.2 and is kept for JIS only.
The titles are JIS's Japanese, kept as such in the results summary; the report page translates
them into the reader's language (the catalogues hold WCAG's names).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_noop as _


@dataclass(frozen=True)
class Criterion:
    number: str
    level: str
    title: str
    since: str  # "2.0" (in JIS X 8341-3:2016), "2.1" or "2.2"

    @property
    def axe_tag(self):
        return "wcag" + self.number.replace(".", "")


CRITERIA = [
    Criterion("1.1.1", "A", _("非テキストコンテンツ"), "2.0"),
    Criterion("1.2.1", "A", _("音声のみ及び映像のみ（収録済）"), "2.0"),
    Criterion("1.2.2", "A", _("キャプション（収録済）"), "2.0"),
    Criterion("1.2.3", "A", _("音声解説、又はメディアに対する代替（収録済）"), "2.0"),
    Criterion("1.2.4", "AA", _("キャプション（ライブ）"), "2.0"),
    Criterion("1.2.5", "AA", _("音声解説（収録済）"), "2.0"),
    Criterion("1.3.1", "A", _("情報及び関係性"), "2.0"),
    Criterion("1.3.2", "A", _("意味のある順序"), "2.0"),
    Criterion("1.3.3", "A", _("感覚的な特徴"), "2.0"),
    Criterion("1.3.4", "AA", _("表示の向き"), "2.1"),
    Criterion("1.3.5", "AA", _("入力目的の特定"), "2.1"),
    Criterion("1.4.1", "A", _("色の使用"), "2.0"),
    Criterion("1.4.2", "A", _("音声の制御"), "2.0"),
    Criterion("1.4.3", "AA", _("コントラスト（最低限）"), "2.0"),
    Criterion("1.4.4", "AA", _("テキストのサイズ変更"), "2.0"),
    Criterion("1.4.5", "AA", _("文字画像"), "2.0"),
    Criterion("1.4.10", "AA", _("リフロー"), "2.1"),
    Criterion("1.4.11", "AA", _("非テキストのコントラスト"), "2.1"),
    Criterion("1.4.12", "AA", _("テキストの間隔"), "2.1"),
    Criterion("1.4.13", "AA", _("ホバー又はフォーカスで表示されるコンテンツ"), "2.1"),
    Criterion("2.1.1", "A", _("キーボード"), "2.0"),
    Criterion("2.1.2", "A", _("キーボードトラップなし"), "2.0"),
    Criterion("2.1.4", "A", _("文字キーのショートカット"), "2.1"),
    Criterion("2.2.1", "A", _("タイミング調整可能"), "2.0"),
    Criterion("2.2.2", "A", _("一時停止、停止、非表示"), "2.0"),
    Criterion("2.3.1", "A", _("3回の閃光、又は閾値以下"), "2.0"),
    Criterion("2.4.1", "A", _("ブロックスキップ"), "2.0"),
    Criterion("2.4.2", "A", _("ページタイトル"), "2.0"),
    Criterion("2.4.3", "A", _("フォーカス順序"), "2.0"),
    Criterion("2.4.4", "A", _("リンクの目的（コンテキスト内）"), "2.0"),
    Criterion("2.4.5", "AA", _("複数の手段"), "2.0"),
    Criterion("2.4.6", "AA", _("見出し及びラベル"), "2.0"),
    Criterion("2.4.7", "AA", _("フォーカスの可視化"), "2.0"),
    Criterion("2.4.11", "AA", _("フォーカスが隠されない（最低限）"), "2.2"),
    Criterion("2.5.1", "A", _("ポインタのジェスチャ"), "2.1"),
    Criterion("2.5.2", "A", _("ポインタのキャンセル"), "2.1"),
    Criterion("2.5.3", "A", _("ラベルを含む名前（name）"), "2.1"),
    Criterion("2.5.4", "A", _("動きによる起動"), "2.1"),
    Criterion("2.5.7", "AA", _("ドラッグ動作"), "2.2"),
    Criterion("2.5.8", "AA", _("ターゲットのサイズ（最低限）"), "2.2"),
    Criterion("3.1.1", "A", _("ページの言語"), "2.0"),
    Criterion("3.1.2", "AA", _("一部分の言語"), "2.0"),
    Criterion("3.2.1", "A", _("フォーカス時"), "2.0"),
    Criterion("3.2.2", "A", _("入力時"), "2.0"),
    Criterion("3.2.3", "AA", _("一貫したナビゲーション"), "2.0"),
    Criterion("3.2.4", "AA", _("一貫した識別性"), "2.0"),
    Criterion("3.2.6", "A", _("一貫したヘルプ"), "2.2"),
    Criterion("3.3.1", "A", _("エラーの特定"), "2.0"),
    Criterion("3.3.2", "A", _("ラベル又は説明"), "2.0"),
    Criterion("3.3.3", "AA", _("エラー修正の提案"), "2.0"),
    Criterion("3.3.4", "AA", _("エラー回避（法的、金融、データ）"), "2.0"),
    Criterion("3.3.7", "A", _("冗長な入力"), "2.2"),
    Criterion("3.3.8", "AA", _("アクセシブルな認証（最低限）"), "2.2"),
    Criterion("4.1.1", "A", _("構文解析"), "2.0"),
    Criterion("4.1.2", "A", _("名前（name）・役割（role）及び値（value）"), "2.0"),
    Criterion("4.1.3", "AA", _("ステータスメッセージ"), "2.1"),
]
