"""The text parser: small functions on fixtures, then the whole report and damaged copies of it.

No database: run with `python -m pytest tests/measures/test_parser.py -p no:django`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from measures.importer.document import PlanParseError
from measures.importer.glossary import TermMatcher, parse_glossary
from measures.importer.parser import parse_plan
from measures.importer.sheets import build_measure, split_sheets
from measures.importer.text import STATUS_RE, clean_label, join_ja_spaces, prose

FIXTURES = Path(__file__).parent / "fixtures"
# The bundled copy of the report (test_import checks it is identical to the reference document).
SOURCE = Path(__file__).resolve().parents[2] / "measures" / "data" / "oyama-ict-plan-r4.txt"


def fixture_lines(name: str) -> list[str]:
    return (FIXTURES / name).read_text(encoding="utf-8").split("\n")


@pytest.fixture(scope="module")
def source_text() -> str:
    return SOURCE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def doc(source_text):
    return parse_plan(source_text)


@pytest.fixture(scope="module")
def measures(doc):
    return {m.number: m for m in doc.measures}


# ---------------------------------------------------------------- space rules


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("情報モラル教 育充実", "情報モラル教育充実"),
        ("使用する ようにする", "使用するようにする"),
        ("使用し、 公式ホームページ", "使用し、公式ホームページ"),
        ("Web 申請", "Web 申請"),
        ("SNS によるプッシュ型", "SNS によるプッシュ型"),
        ("R5.6 月末時点 62 件", "R5.6 月末時点 62 件"),
        ("24 時間 365 日", "24 時間 365 日"),
    ],
)
def test_prose_spaces_between_japanese_characters_are_removed(raw, expected):
    assert join_ja_spaces(raw) == expected


@pytest.mark.parametrize(
    ("cell", "siblings", "summary", "expected"),
    [
        # a broken word: the joined form is in 表1-2, the spaced one only in an identical cell
        (
            "ICT活用促進 情報モラル教 育充実 研修実施",
            ["ICT活用促進 情報モラル教 育充実 研修実施"],
            ["ICT活用促進 情報モラル教育(*)充実 研修実施"],
            "ICT活用促進 情報モラル教育充実 研修実施",
        ),
        ("推奨データ 公開", ["推奨データ公開", "運用"], [], "推奨データ公開"),
        # two items of one cell: nothing attests the joined form
        (
            "影響調査 業務標準化",
            ["影響調査 業務標準化"],
            ["影響調査 業務標準化"],
            "影響調査 業務標準化",
        ),
        ("導入の検討 一部運用", ["導入の検討構築"], ["導入の検討 構築"], "導入の検討 一部運用"),
        # joined in one plan cell but written with the space in 表1-2: keep the space
        ("調達 設計", ["調達設計"], ["調達 設計", "調達 設計"], "調達 設計"),
    ],
)
def test_label_cells_join_only_attested_words(cell, siblings, summary, expected):
    assert clean_label(cell, siblings, summary) == expected


def test_prose_cell_paragraphs_lists_and_debris():
    cell = (
        '<p style="padding-left: 40px;">一つ目の 段落^(*)。</p> <ul style="list-style-type: none">'
        " ・項目 その一 ・項目その二 </ul> <p><u>下線</u>■□</p>"
    )
    assert prose(cell) == "一つ目の段落。\n\n項目その一\n\n項目その二\n\n下線■□"


def test_report_fields_put_item_headings_and_labels_on_their_own_line():
    cell = "<p>①マイナンバーカードの普及 交付率は 向上した。 全 国：1%増 栃木県：2%増</p>"
    assert prose(cell, ["マイナンバーカードの普及"]) == (
        "①マイナンバーカードの普及\n交付率は向上した。全国：1%増\n栃木県：2%増"
    )


@pytest.mark.parametrize(
    ("marker", "status", "year"),
    [
        ("<完了 R4 年度>", "完了", "4"),
        ("<新規 R5 年度>", "新規", "5"),
        ("<廃止 R4 年度>", "廃止", "4"),
        ("<完了 R3年度>", "完了", "3"),
        ("【完了 R03 年度】", "完了", "03"),
        ("＜新規 R5年度＞", "新規", "5"),
    ],
)
def test_status_markers(marker, status, year):
    m = STATUS_RE.search("取組" + marker)
    assert m is not None
    assert (m.group(1), int(m.group(2))) == (status, int(year))


# ---------------------------------------------------------------- one sheet


@pytest.fixture(scope="module")
def one_sheet():
    lines = fixture_lines("one_sheet.txt")
    sheets = split_sheets(lines, 0, len(lines))
    assert len(sheets) == 1
    return build_measure(sheets[0], "", "")


def test_one_sheet_header_fields(one_sheet):
    m = one_sheet
    assert (m.number, m.title, m.line, m.dx, m.goal) == (14, "テスト施策の推進 (試行)", 3, True, 2)
    assert m.departments == ["情報政策課", "市民課"]
    assert m.categories == ["スマート自治体", "デジタル行政"]
    assert m.policy_areas == ["①市民参加", "②行財政改革"]
    assert m.related_plan == "テスト計画"


def test_one_sheet_prose_fields(one_sheet):
    m = one_sheet
    assert m.situation == (
        "オンライン化を推進する必要がある。公衆無線 LAN (Wi-Fi) の整備が求められている。"
    )
    assert m.content == "行政手続きをオンライン化する。"
    assert m.expected_effects == "市民の利便性が向上する\n\n職員の負担が減る"


def test_one_sheet_initiatives(one_sheet):
    got = [
        (i.number, i.text, i.departments, i.status, i.fiscal_year) for i in one_sheet.initiatives
    ]
    assert got == [
        (1, "業務改革(BPR)の実施", ["情報政策課", "市民課"], "completed", 2022),
        (2, "窓口の拡大\n子ども向け窓口", ["市民課", "こども課"], "ongoing", None),
        (3, "SNSの活用", [], "new", 2023),
        (4, "旧システムの運用", [], "abolished", 2022),
    ]


def test_one_sheet_plan_and_reports(one_sheet):
    m = one_sheet
    assert m.plan == {
        2021: "推奨データ公開",
        2022: "影響調査 業務標準化",
        2023: "運用",
        2024: "運用",
        2025: "運用",
    }
    r2021, r2022 = m.reports
    assert (r2021.fiscal_year, r2021.progress_label, r2021.evaluation) == (
        2021,
        "推奨データ公開",
        "",
    )
    assert r2022.progress_label == "影響調査 業務標準化"
    assert r2022.achievements == "①業務改革の実施\n手順を見直した。\n\n全国：10%増\n栃木県：20%増"
    assert r2022.issues == "②窓口の拡大\n利用者が少ない。"
    assert r2022.evaluation == "on_track"
    # the 理由 cell continues after a page break; the markdown debris is dropped
    assert r2022.reason == "①業務改革の実施\n予定どおり実施できた。"


# ---------------------------------------------------------------- tiny glossary


@pytest.fixture(scope="module")
def tiny_glossary():
    warnings: list[str] = []
    entries = parse_glossary(fixture_lines("tiny_glossary.txt"), 1, warnings)
    return entries, warnings


def test_tiny_glossary_entries(tiny_glossary):
    entries, warnings = tiny_glossary
    assert [(e.term, e.section) for e in entries] == [
        ("アウトソーシング", "あ行"),
        ("インフラ", "あ行"),
        ("業務改革（BPR）", "か行"),
        ("マイナポータル", "ま行"),
        ("ワンスオンリー", "ら行"),
        ("AD (Active Directory)", "A～Z"),
        ("BPR (Business Process Re-engineering)", "A～Z"),
        ("Google Analytics", "A～Z"),
        ("SNS (SocialNetworkingService : ソーシャル・ネットワーキング・サービス)", "A～Z"),
        ("Wi-Fi (ワイファイ)", "A～Z"),
    ]
    portal = entries[3]
    assert portal.definition == (
        "個人向けサイトのこと。次の4つの機能がある\n\n"
        "1 行政機関が保有する自分の個人情報を確認できる\n\n"
        "2 自分の情報に係るやりとりを確認できる"
    )
    assert entries[7].definition.startswith("Webサイトをユーザーが")
    assert portal.line == 21
    assert any("garbled" in w and "か行" in w for w in warnings)


@pytest.mark.parametrize(
    ("before", "term"),
    [
        ("公衆無線 LAN (Wi-Fi ", "Wi-Fi (ワイファイ)"),
        ("窓口業務の見直し、業務改革(BPR)", "業務改革（BPR）"),
        ("・BPR", "BPR (Business Process Re-engineering)"),
        ("○\t\t3 SNS", "SNS (SocialNetworkingService : ソーシャル・ネットワーキング・サービス)"),
        ("AD", "AD (Active Directory)"),
        ("Active Directory", "AD (Active Directory)"),
        ("通信手段として ネットワークインフラ", "インフラ"),
        ("共同アウトソーシング", "アウトソーシング"),
        ("・ワンスオンリー（手続き）", "ワンスオンリー"),
        ("公募型ROAD", None),  # "AD" glued to Latin letters is not AD
        ("WEB申請やタブレット", None),
    ],
)
def test_marker_matching(tiny_glossary, before, term):
    assert TermMatcher(tiny_glossary[0]).match(before) == term


# ---------------------------------------------------------------- the whole report


def test_document_header(doc):
    assert doc.title == "第3次小山市情報化基本計画"
    assert doc.report_title == "実施計画調書"
    assert doc.published == "令和5年9月"
    assert doc.slogan == "ICTとデータの利活用による\n誰もが豊かで暮らしやすい魅力的なまちの実現"
    paras = doc.basic_policy.split("\n\n")
    assert len(paras) == 2
    assert paras[0].startswith("第3次情報化基本計画の上位計画である「第8次小山市総合計画」")
    assert "「SDGs」との一体化" in paras[0]


def test_goals(doc):
    assert [(g.number, g.title, g.subtitle) for g in doc.goals] == [
        (1, "誰にでも便利なスマート自治体の実現", "行政パフォーマンス向上"),
        (2, "持続可能な未来社会の創出", "イノベーション創造"),
        (3, "効果的かつ効率的なデジタル行政の実現", "行政ワークスタイル改革"),
        (4, "安全安心な情報基盤の整備", "情報インフラ強靭化"),
    ]
    assert [len(g.directions) for g in doc.goals] == [3, 5, 5, 4]
    assert (
        doc.goals[1].directions[2] == "GIGAスクール構想など、教育系インフラ環境の強靭化を図ります"
    )
    assert len(doc.goals[0].explanation.split("\n\n")) == 2


def test_all_24_measures_in_order(doc):
    assert [m.number for m in doc.measures] == list(range(1, 25))
    assert [m.goal for m in doc.measures] == [1] * 5 + [2] * 8 + [3] * 7 + [4] * 4


def test_measure_1(measures):
    m = measures[1]
    assert m.title == "行政手続きのオンライン化 (行かない窓口・オンライン申請の実現)"
    assert m.line == 242
    assert m.dx is True
    assert m.departments == [
        "国保年金課",
        "健康増進課",
        "資産税課",
        "情報政策課",
        "市民課",
        "行政改革課",
    ]
    assert m.categories == ["スマート自治体", "デジタル行政"]
    assert m.policy_areas == ["①市民参加", "②行財政改革", "④生活基盤"]
    assert m.sdgs == [1, 10, 13]  # ⑱ dropped
    assert m.glossary_terms == [
        "デジタルファースト",
        "ワンスオンリー",
        "コネクティッド・ワンストップ",
    ]
    assert len(m.initiatives) == 9
    i4, i7, i8 = m.initiatives[3], m.initiatives[6], m.initiatives[7]
    assert (i4.text, i4.departments, i4.status, i4.fiscal_year) == (
        "軽自動車保有手続きの電子申請提供",
        ["資産税課"],
        "completed",
        2022,
    )
    assert i7.text == "オンライン申請の拡大 (R5.6 月末時点 62 件)"
    assert (i8.number, i8.text, i8.status, i8.fiscal_year) == (
        8,
        "肝炎ウイルス検診申込オンライン化",
        "new",
        2023,
    )
    assert m.reports[0].fiscal_year == 2021 and m.reports[0].progress_label == "検証"
    reason = m.reports[1].reason
    assert "被保険者数32,957人)と約半数となっている。" in reason
    assert reason.endswith("274件の申請を受理した。")
    assert "⑤マイナンバーカードの普及\nマイナンバーカード交付率は" in reason


def test_measure_numbers_split_by_spaces(measures):
    assert measures[11].title == "公衆無線 LAN、5G 環境の拡充"
    assert measures[14].title == "基幹系システム標準化と共同運用"
    assert measures[14].line == 461
    assert measures[22].title == "市民の誰もが使えるサービス提供 (情報弱者への配慮)"
    assert measures[22].line == 591
    assert measures[22].categories == [
        "スマート自治体",
        "未来社会創出",
        "デジタル行政",
        "情報基盤強化",
    ]


def test_measure_departments_and_related_plan(measures):
    assert measures[9].departments == ["教育総務課", "学校教育課", "教育研究所", "生涯学習課"]
    assert measures[12].departments == ["管財課", "行政総務課", "情報政策課"]
    assert measures[3].related_plan == "シティプロ 5カ年計画"
    assert measures[1].related_plan == ""


def test_evaluations(measures):
    evaluations = {n: m.reports[-1].evaluation for n, m in measures.items()}
    assert evaluations[8] == "slightly_delayed"
    assert evaluations[17] == "slightly_delayed"
    assert evaluations[21] == "delayed"
    assert sum(e == "on_track" for e in evaluations.values()) == 21
    for m in measures.values():
        assert [r.fiscal_year for r in m.reports] == [2021, 2022]


def test_labels(measures):
    assert measures[6].reports[0].progress_label == "推奨データ公開"
    assert measures[9].reports[1].progress_label == "ICT活用促進 情報モラル教育充実 研修実施"
    assert measures[14].plan[2022] == "影響調査 業務標準化"
    assert measures[19].reports[1].progress_label == "導入の検討 一部運用"
    assert measures[11].reports[0].progress_label == "拡大 (新庁舎 市立体育館)"
    assert measures[4].reports[0].progress_label == "導入・運用"


def test_initiative_statuses(measures):
    assert (measures[5].initiatives[0].status, measures[5].initiatives[0].fiscal_year) == (
        "abolished",
        2022,
    )
    assert (measures[20].initiatives[1].status, measures[20].initiatives[1].fiscal_year) == (
        "completed",
        2021,
    )
    assert measures[2].initiatives[1].departments == ["市民課", "行政改革課"]
    first = measures[3].initiatives[0]
    assert first.departments == ["危機管理課", "市民生活安心課", "工業振興課"]
    assert first.text.split("\n")[2] == "気象・災害情報（大雨・地震など）"


def test_measure_13_bullets_are_paragraphs(measures):
    paras = measures[13].reports[1].achievements.split("\n\n")
    assert paras[0] == "①ICTの基礎知識を習得する研修実施"
    assert paras[1] == "Excel、Word、PowerPointの集合研修【職員研修所】"
    assert "GISシステムの集合研修" in paras


def test_measure_23_table(measures):
    achievements = measures[23].reports[1].achievements
    assert "令和4年度コース名\nセキュリティ対策端末操作者編　1,666名　100%" in achievements
    assert achievements.count("1,666名") == 1


def test_no_debris_in_any_field(doc):
    debris = re.compile(r"<|>|\(\*\)|（\*）|\^|■|□|----|\t|  ")

    def strings(m):
        yield from (m.title, m.related_plan, m.situation, m.content, m.expected_effects)
        yield from m.departments + m.policy_areas + list(m.plan.values())
        for i in m.initiatives:
            yield i.text
            yield from i.departments
        for r in m.reports:
            yield from (r.progress_label, r.achievements, r.issues, r.reason)

    for m in doc.measures:
        for value in strings(m):
            assert not debris.search(value), (m.number, value)
            assert "\n\n\n" not in value and value == value.strip()
    for g in doc.goals:
        for value in [g.title, g.subtitle, g.explanation, *g.directions]:
            assert not debris.search(value)


def test_every_2022_report_is_evaluated(doc):
    for m in doc.measures:
        report = next(r for r in m.reports if r.fiscal_year == 2022)
        assert report.evaluation in ("on_track", "slightly_delayed", "delayed")
        assert report.achievements and report.reason


def test_known_warnings(doc):
    w = doc.warnings
    assert any(x.startswith("goal 4: subtitle ～行政インフラ強靱化～ in the table") for x in w)
    assert any(x.startswith("goal 4: subtitle ～情報インフラ強靱化～ in the measure") for x in w)
    assert (
        "measure 9: 表1-2 lists departments 学校教育課 教育研究所 生涯学習課, the measure sheet "
        "教育総務課 学校教育課 教育研究所 生涯学習課; keeping the measure sheet"
    ) in w
    assert any(x.startswith("measure 11: 表1-2 lists departments 情報政策課,") for x in w)
    assert any(x.startswith("measure 12: 表1-2 lists departments 管財課 行政経営課") for x in w)
    assert any(x.startswith("measure 1: 表1-1") and "⑱" in x for x in w)
    assert any("素案策定" in x and x.startswith("measure 21") for x in w)
    assert any(x.startswith("line 270:") and "タブレット" in x for x in w)
    assert not any(x.startswith("goal 1") or x.startswith("goal 2") for x in w)


def test_dx_priorities(doc):
    groups = [
        (p.group, p.number, [m.measure_number for m in p.measures]) for p in doc.dx_priorities
    ]
    assert groups[2] == ("自治体 DX の重点取組事項", 3, [1, 3, 5])
    assert len(doc.dx_priorities) == 11
    ai = doc.dx_priorities[3].measures[0]
    assert ai.measure_number == 15
    assert ai.points[:2] == [
        (0, "AI 等の最新技術を活用するための実証実験"),
        (1, "AI-OCR（手書き資料読取り）"),
    ]
    assert [lv for lv, _ in ai.points] == [0, 1, 1, 1, 1, 0, 0]
    bpr = doc.dx_priorities[9]
    assert (bpr.title, bpr.measures[0].measure_number, bpr.measures[0].note) == (
        "BPR の取組の徹底",
        14,
        "再掲",
    )
    assert doc.dx_priorities[7].title == "デジタルデバイド対策"


def test_glossary(doc):
    sections: dict[str, int] = {}
    for e in doc.glossary:
        sections[e.section] = sections.get(e.section, 0) + 1
    assert len(doc.glossary) == 165
    assert sections == {
        "あ行": 14,
        "か行": 20,
        "さ行": 27,
        "た行": 26,
        "な行": 3,
        "は行": 15,
        "ま行": 6,
        "や行": 3,
        "ら行": 7,  # ワーク・ライフ・バランス, ワンスオンリー, ワンストップ窓口 sit under ら行
        "A～Z": 44,
    }
    by_term = {e.term: e for e in doc.glossary}
    assert by_term["カスタマイズ"].section == "か行"
    assert by_term["ワンスオンリー"].section == "ら行"
    assert (
        by_term["X-Tech (クロステック)"].definition
        == "IT（情報技術）を、既存の業界や分野に導入すること"
    )
    assert by_term["マイナポータル"].definition.count("\n\n") == 4
    assert all(e.definition for e in doc.glossary)


# ---------------------------------------------------------------- damaged text


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _raises(text: str) -> PlanParseError:
    with pytest.raises(PlanParseError) as info:
        parse_plan(text)
    return info.value


def test_truncated_mid_sheet(source_text):
    err = _raises("\n".join(_lines(source_text)[:400]))
    assert (err.line, err.measure) == (400, 10)
    assert "line 400" in str(err) and "measure 10" in str(err)


def test_truncated_after_20_sheets(source_text):
    err = _raises("\n".join(_lines(source_text)[:573]))
    assert (err.line, err.measure) == (573, 21)


def test_glossary_missing(source_text):
    err = _raises("\n".join(_lines(source_text)[:639]))
    assert err.measure == 24
    assert "用語集" in str(err)


def test_missing_title_row(source_text):
    lines = _lines(source_text)
    assert lines[379].startswith("9. GIGA")
    del lines[379]
    err = _raises("\n".join(lines))
    assert (err.line, err.measure) == (380, 9)


@pytest.mark.parametrize(("char", "index", "measure"), [("\x00", 499, 16), ("\ufffd", 49, None)])
def test_garbage_characters(source_text, char, index, measure):
    lines = _lines(source_text)
    lines[index] = lines[index][:5] + char + lines[index][5:]
    err = _raises("\n".join(lines))
    assert (err.line, err.measure) == (index + 1, measure)


def test_duplicate_measure_number(source_text):
    lines = _lines(source_text)
    assert lines[428].startswith("12. ")
    lines[428] = "11." + lines[428][3:]
    err = _raises("\n".join(lines))
    assert (err.line, err.measure) == (429, 11)


def test_2022_report_without_evaluation(source_text):
    lines = _lines(source_text)
    assert "\t遅延\t" in lines[588]
    lines[588] = lines[588].replace("\t遅延\t", "\t\t")
    err = _raises("\n".join(lines))
    assert (err.line, err.measure) == (589, 21)
