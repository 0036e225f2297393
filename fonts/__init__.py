"""The site's self-hosted fonts: the universal-design BIZ UDPGothic (BIZ UDGothic for digits)
for Japanese, English, Portuguese and Spanish, and Noto Sans KR, Noto Sans SC and Noto Sans for
the Korean, Chinese and Vietnamese that BIZ UD lacks (`faces`: which face draws which language).
Each face is cut the same way, for the pages of its languages, as described here for BIZ UD.

Generic unicode-range slicing (Google Fonts' order) makes a measure page fetch 490-630 KB per
weight here, because every slice mixes the few characters a page uses with many it does not;
one subset of everything the site shows (~1,200 characters) is still ~260 KB. So the font is cut
from the published text in two layers, one file each per weight:

- the CORE subset: ASCII, kana (ふりがな readings) and every character shown on at least half
  of the pages, with the UI strings; linked from every page, so it is fetched once per visit;
- a PAGE subset per live page: exactly the characters of that page the core lacks (a measure page
  has 50-150), declared in a stylesheet of the page's own (no inline <style>: the HTML stays
  cacheable);
- for the Noto faces, a NAMES subset: what pages of other languages show in the face, which is
  the language switcher's 한국어, 简体中文 or Tiếng Việt; linked from every page, a few KB.

The bold weight is cut only for what the site shows in bold (headings, table headers, terms,
captions and the few bold classes of site.css), which is a fraction of the text.

Characters outside both (a search result, text published before its page was re-cut) fall back
to generic slices of the whole font, a separate family in the stack, cut in code point order so
that their unicode-range stays short.

Where things are:
- `faces`: the families, their source fonts and languages;
- `cutting`: the source fonts (shipped in fonts/sources/ as WOFF2; the Noto ones pre-cut to
  their scripts by fonts/sources/subset_sources.py) and cutting one subset, with
  a cache of cut files named by what went in (source, options, code points);
- `shown`: the characters a page shows, rendered in-process through the site's middleware;
- `building`: `build_fonts` (a deploy step: every subset and the manifest), re-cutting one page;
- `signals` and `tasks`: publishing a page queues `fonts.tasks.rebuild_site_font`, which re-cuts
  that page's subset when it shows new characters;
- `templatetags.font_tags`: `{% font_faces %}` links a page's fonts.

Files go to the default storage under fonts/, named by content, so they can be cached for ever;
fonts/manifest.json says which files the core and each page use.
"""
