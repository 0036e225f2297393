"""{% data_table %}: the one scaffold of every data table on the public site.

Each table is wrapped in a region that a keyboard user can focus and scroll sideways on a narrow
screen, labelled by the table's caption, with a visible hint where the table may not fit:

    {% data_table "plan-caption" caption class="plan-table stack-table" hint="stacks" %}
      <thead>…</thead><tbody>…</tbody>
    {% enddata_table %}

hint is "scroll" (the table scrolls sideways), "stacks" (its rows stack on a phone, wider
screens scroll) or "" (none); number=forloop.counter appends "-N" to the caption id, for a
table repeated in a loop. A caption in untranslated Japanese on another language's page is
marked lang="ja".
"""

from django import template
from django.template.loader import render_to_string

from translations.fallbacks import FallbackDetector

register = template.Library()

HINTS = {"": "", "scroll": "table-hint", "stacks": "table-hint table-hint--stacks"}


class DataTableNode(template.Node):
    def __init__(self, nodelist, caption_id, caption, options):
        self.nodelist = nodelist
        self.caption_id = caption_id
        self.caption = caption
        self.options = options

    def _caption_id(self, context):
        caption_id = str(self.caption_id.resolve(context))
        if "number" in self.options:
            return f"{caption_id}-{self.options['number'].resolve(context)}"
        return caption_id

    def render(self, context):
        caption = self.caption.resolve(context)
        hint = self.options["hint"].resolve(context) if "hint" in self.options else ""
        if hint not in HINTS:
            raise template.TemplateSyntaxError(f"data_table: unknown hint {hint!r}")
        detector = FallbackDetector.for_request(context.get("request"))
        return render_to_string(
            "components/data_table.html",
            {
                "caption_id": self._caption_id(context),
                "caption": caption,
                "caption_is_fallback": detector.is_fallback(str(caption)),
                "table_class": (
                    self.options["class"].resolve(context) if "class" in self.options else ""
                ),
                "hint_class": HINTS[hint],
                "body": self.nodelist.render(context),
            },
        )


@register.tag
def data_table(parser, token):
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError("data_table takes a caption id and a caption")
    options = {}
    for bit in bits[3:]:
        name, equals, value = bit.partition("=")
        if not equals or name not in ("class", "hint", "number"):
            raise template.TemplateSyntaxError(f"data_table: unknown option {bit!r}")
        options[name] = parser.compile_filter(value)
    nodelist = parser.parse(("enddata_table",))
    parser.delete_first_token()
    return DataTableNode(
        nodelist, parser.compile_filter(bits[1]), parser.compile_filter(bits[2]), options
    )
