"""Text analysis for site search: the same function turns indexed text and queries into tokens.

Japanese is written without spaces, so a database's full-text index (SQLite FTS5, PostgreSQL
tsvector) sees a whole sentence as one word. Instead of relying on a tokenizer the database does
not have, every text is turned here into space-separated, normalised tokens that any full-text
index (and any whitespace analyser) handles the same way:

* folding: NFKC (full/half width: ﾃﾚﾜｰｸ → テレワーク, ＬＩＮＥ → line), lower case, katakana →
  hiragana, small kana → large, the long-vowel mark dropped (サーバー = サーバ), Latin
  diacritics dropped (Vietnamese typed without tones still matches);
* Japanese and Chinese runs: character bigrams (partial words and compounds match both ways:
  マイナンバー finds マイナンバーカード) plus SudachiPy's normalised forms of the words in both
  its short and long split modes (打合せ = 打ち合わせ, マイナンバーカード = マイナンバー + カード);
* Korean runs: bigrams and the whole word (particles stick to Korean words);
* Latin words: Snowball English stems (PyStemmer; cameras = camera), hyphen/dot compounds also
  joined (Wi-Fi = wifi), a few English function words dropped.

A query is analysed into terms (its words, and Sudachi's words inside a Japanese word); every term
must match (AND), and a term matches when any one of its alternatives matches: its bigrams, its
Sudachi normalised forms, or those of a synonym. This module knows nothing of Django or the index:
it is plain functions, tested on their own.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import Stemmer

# Query words beyond this are ignored: a pasted page of text must not become a huge query.
MAX_QUERY_TERMS = 12
MAX_QUERY_CHARS = 200
# Forgiving one wrong character is for words; a longer run of bigrams is a pasted sentence.
MAX_RELAXED_TOKENS = 12
# Sudachi refuses inputs above ~49 KB; texts are read in chunks well below that.
SUDACHI_CHUNK = 4000

_SMALL_KANA = str.maketrans("ぁぃぅぇぉっゃゅょゎゕゖ", "あいうえおつやゆよわかけ")
_KATAKANA_TO_HIRAGANA = {code: code - 0x60 for code in range(ord("ァ"), ord("ヶ") + 1)}
_DROPPED = str.maketrans("", "", "ー〜～")
_STOPWORDS = frozenset(
    {"a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "of"}
    | {"on", "or", "that", "the", "to", "with"}
)
# Sudachi parts of speech that carry no meaning of their own in a search.
_FUNCTION_POS = frozenset({"助詞", "助動詞", "補助記号", "空白", "記号", "接頭辞", "接尾辞"})

_local = threading.local()


_CJK = "\u3041-\u30fa\u30fc-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆"
_HANGUL = "\uac00-\ud7af\u1100-\u11ff\u3130-\u318f"
_RUN = re.compile(rf"(?P<cjk>[{_CJK}]+)|(?P<hangul>[{_HANGUL}]+)|(?P<word>[^\W_{_CJK}{_HANGUL}]+)")
_HAS_CJK = re.compile(f"[{_CJK}]")
_ACCENTED = re.compile(r"[^\x00-\x7f\u3000-\uffff]")


def _char_class(char: str) -> str:
    match = _RUN.fullmatch(char)
    return match.lastgroup if match else ""


def has_cjk(text: str) -> bool:
    return bool(_HAS_CJK.search(text))


def _strip_diacritics(match) -> str:
    # Latin and friends: drop the diacritics (NFKD, then no combining marks).
    decomposed = unicodedata.normalize("NFKD", match.group())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """The comparison form of a text: widths, case, kana, long vowels and diacritics folded."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = text.translate(_KATAKANA_TO_HIRAGANA).translate(_SMALL_KANA).translate(_DROPPED)
    text = text.replace("ゔ", "ぶ")
    return text if text.isascii() else _ACCENTED.sub(_strip_diacritics, text)


@dataclass(frozen=True)
class Run:
    kind: str  # "cjk", "hangul" or "word"
    text: str  # folded


def runs(folded: str) -> list[Run]:
    """Split a folded text into runs of one script; separators end a run."""
    return [Run(match.lastgroup, match.group()) for match in _RUN.finditer(folded)]


def bigrams(text: str) -> list[str]:
    if len(text) < 2:
        return [text] if text else []
    return [text[i : i + 2] for i in range(len(text) - 1)]


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    if not word.isascii() or not word.isalpha() or len(word) < 4:
        return word
    if not hasattr(_local, "stemmer"):
        _local.stemmer = Stemmer.Stemmer("english")
    return _local.stemmer.stemWord(word)


def _word_tokens(run: Run) -> list[str]:
    if run.kind == "cjk":
        return bigrams(run.text)
    if run.kind == "hangul":
        return [run.text, *bigrams(run.text)] if len(run.text) > 2 else [run.text]
    return [] if run.text in _STOPWORDS else [stem(run.text)]


_COMPOUND = re.compile(r"[a-z0-9]+(?:[-.・/][a-z0-9]+)+")


def surface_tokens(text: str, compounds: str = "both") -> list[str]:
    """Bigrams of Japanese/Chinese, Korean words and bigrams, stemmed Latin words.

    Wi-Fi, e-Tax, 5.0 are indexed both as their parts and joined, as people type them either way;
    `compounds` "joined" or "parts" gives only one of the two forms (for query alternatives).
    """
    folded = fold(text)
    joined = [stem(re.sub(r"[-.・/]", "", m.group())) for m in _COMPOUND.finditer(folded)]
    if compounds == "joined" and joined:
        folded = _COMPOUND.sub(" ", folded)
    tokens = [token for run in runs(folded) for token in _word_tokens(run)]
    return tokens if compounds == "parts" else tokens + joined


def _tokenizer():
    if not hasattr(_local, "tokenizer"):
        from sudachipy import Dictionary

        _local.tokenizer = Dictionary(dict="core").tokenizer()
    return _local.tokenizer


def _chunks(text: str):
    for line in text.splitlines():
        for start in range(0, len(line), SUDACHI_CHUNK):
            chunk = line[start : start + SUDACHI_CHUNK]
            if chunk.strip():
                yield chunk


@lru_cache(maxsize=65536)
def _normalised_word(normalized_form: str, part_of_speech: str) -> str | None:
    if part_of_speech in _FUNCTION_POS:
        return None
    word = "".join(
        stem(run.text) if run.kind == "word" else run.text for run in runs(fold(normalized_form))
    )
    # A lone kana says nothing (bigrams already cover it); a lone kanji is a word (税, 市).
    if not has_cjk(word) or (len(word) == 1 and "\u3041" <= word <= "\u309f"):
        return None
    return word


def _word_of(morpheme) -> str | None:
    return _normalised_word(morpheme.normalized_form(), morpheme.part_of_speech()[0])


def japanese_words(text: str) -> tuple[list[str], list[str]]:
    """SudachiPy's normalised forms of the content words of the Japanese parts of a text.

    Long units (マイナンバーカード) and short units (マイナンバー, カード); a word Sudachi does not
    split is in both lists.
    """
    from sudachipy import SplitMode

    text = unicodedata.normalize("NFKC", text)
    long_units, short_units = [], []
    for chunk in _chunks(text):
        if not has_cjk(chunk):
            continue
        for morpheme in _tokenizer().tokenize(chunk, SplitMode.C):
            word = _word_of(morpheme)
            if not word:
                continue
            long_units.append(word)
            parts = [word]
            if len(morpheme.surface()) > 2:
                parts = [_word_of(part) for part in morpheme.split(SplitMode.A)] or parts
            short_units += [part for part in parts if part]
    return long_units, short_units


def index_tokens(text: str) -> list[str]:
    """Every token a text is found by."""
    if not text:
        return []
    long_units, short_units = japanese_words(text)
    return surface_tokens(text) + long_units + [w for w in short_units if w not in long_units]


# The index asks for each field of an object several times (modelsearch builds its title, body
# and autocomplete columns separately, each from every field): the latest texts are kept.
@lru_cache(maxsize=64)
def index_text(text: str) -> str:
    """The analysed form stored in the search index: tokens separated by spaces."""
    return " ".join(index_tokens(text))


@dataclass
class QueryTerm:
    """One thing the visitor typed: a result must match one of its alternatives."""

    text: str
    alternatives: list[frozenset[str]] = field(default_factory=list)
    synonyms: list[str] = field(default_factory=list)

    def add_alternatives_of(self, text: str) -> None:
        for tokens in _alternatives(text):
            if tokens and tokens not in self.alternatives:
                self.alternatives.append(tokens)


def _alternatives(text: str) -> list[frozenset[str]]:
    found = [frozenset(surface_tokens(text, "parts")), frozenset(surface_tokens(text, "joined"))]
    if has_cjk(fold(text)):
        found += [frozenset(words) for words in japanese_words(text)]
    return [tokens for tokens in found if tokens]


def query_words(query: str) -> list[str]:
    """The words of a query: spaces (also ideographic), then Sudachi's words in Japanese."""
    query = unicodedata.normalize("NFKC", query)[:MAX_QUERY_CHARS]
    words = []
    for word in query.split():
        if not any(_char_class(c) for c in word):
            continue  # operators, quotes and symbols
        words.append(word)
    return words


def split_japanese(word: str) -> list[str]:
    """A Japanese word typed without spaces, as its content words (long split mode)."""
    from sudachipy import SplitMode

    parts = []
    for morpheme in _tokenizer().tokenize(word, SplitMode.C):
        if morpheme.part_of_speech()[0] in _FUNCTION_POS:
            continue
        surface = morpheme.surface()
        if any(_char_class(c) for c in surface):
            parts.append(surface)
    return parts or [word]


def synonym_key(text: str) -> str:
    """The form under which a synonym is looked up: folded, without spaces or signs."""
    return "".join(run.text for run in runs(fold(text)))


def analyse_query(query: str, synonyms: dict[str, list[str]] | None = None) -> list[QueryTerm]:
    """The terms of a query, each with the alternatives that satisfy it.

    `synonyms` maps a synonym_key to the words it also stands for. A word typed as one is one
    term (公衆無線LAN, マイナンバーの普及: its Sudachi words are one of its alternatives), unless a
    synonym hides inside it: スマホ決済 is then two terms, スマホ (or スマートフォン) and 決済.
    """
    synonyms = synonyms or {}
    terms: list[QueryTerm] = []
    for word in dict.fromkeys(query_words(query)):  # a word typed twice is one term
        parts = [word]
        if synonym_key(word) not in synonyms and has_cjk(word):
            japanese_parts = split_japanese(word)
            if any(synonym_key(part) in synonyms for part in japanese_parts):
                parts = japanese_parts
        for part in parts:
            term = QueryTerm(part)
            term.add_alternatives_of(part)
            for synonym in synonyms.get(synonym_key(part), []):
                term.synonyms.append(synonym)
                term.add_alternatives_of(synonym)
            if term.alternatives:
                terms.append(term)
        if len(terms) >= MAX_QUERY_TERMS:
            break
    return terms[:MAX_QUERY_TERMS]


def relaxed_alternatives(term: QueryTerm) -> list[frozenset[str]]:
    """For a second try after no result: a term's bigrams with any one of them missing.

    Catches a mistyped or wrong character in a longer Japanese word (ポータルサイド).
    """
    relaxed = []
    for tokens in term.alternatives:
        if 3 <= len(tokens) <= MAX_RELAXED_TOKENS:
            relaxed += [tokens - {token} for token in sorted(tokens)]
    return relaxed


def term_matches(term: QueryTerm, tokens: set[str] | frozenset[str]) -> bool:
    return any(alternative <= tokens for alternative in term.alternatives)


def terms_match(terms: list[QueryTerm], text: str) -> bool:
    """Whether a text is found by every term: the index's rule, applied to one text in Python."""
    tokens = set(index_tokens(text))
    return bool(terms) and all(term_matches(term, tokens) for term in terms)
