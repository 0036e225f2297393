"""Plain text as the measures store it: paragraphs separated by a blank line."""

import re

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def split_paragraphs(text):
    return [p.strip() for p in PARAGRAPH_BREAK.split(text or "") if p.strip()]
