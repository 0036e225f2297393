"""Linking glossary terms where measure text mentions them.

Within one block of text only the first mention of a term is linked, so that a paragraph is not
a thicket of links; the glossary page has an anchor per term to link to.
"""

import re

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

BRACKETED = re.compile(r"\s*[（(].*?[)）]\s*")


def term_names(term):
    """The forms a term takes in running text: `AD (Active Directory)` → AD, Active Directory."""
    names = [BRACKETED.sub("", term).strip()]
    for inner in re.findall(r"[（(](.*?)[)）]", term):
        first = re.split(r"\s*[:：]\s*", inner)[0].strip()
        if re.fullmatch(r"[A-Za-z][A-Za-z0-9 .\-]+", first):
            names.append(first)
    return [n for n in dict.fromkeys(names) if n]


def _first_mentions(paragraphs, terms):
    """(paragraph index, start, end, term) of the first mention of each term, without overlaps."""
    taken = []
    for term in terms:
        for name in sorted(term_names(term.term), key=len, reverse=True):
            found = next(((i, p.find(name)) for i, p in enumerate(paragraphs) if name in p), None)
            if found is None:
                continue
            index, start = found
            end = start + len(name)
            if not any(i == index and s < end and start < e for i, s, e, _t in taken):
                taken.append((index, start, end, term))
            break
    return taken


def link_terms(paragraphs, terms, glossary_url, render_text=conditional_escape):
    """The paragraphs as safe HTML, the first mention of each term linked to its entry.

    render_text turns plain text into safe HTML: escaping by default, or adding ふりがな.
    """
    mentions = _first_mentions(paragraphs, terms) if glossary_url else []
    linked = []
    for index, paragraph in enumerate(paragraphs):
        pieces, cursor = [], 0
        for _i, start, end, term in sorted(m for m in mentions if m[0] == index):
            pieces.append(render_text(paragraph[cursor:start]))
            pieces.append(
                format_html(
                    '<a class="glossary-link" href="{}#{}" data-term="{}">{}</a>',
                    glossary_url,
                    term.anchor,
                    term.slug,
                    paragraph[start:end],
                )
            )
            cursor = end
        pieces.append(render_text(paragraph[cursor:]))
        linked.append(mark_safe("".join(pieces).replace("\n", "<br>")))  # noqa: S308
    return linked
