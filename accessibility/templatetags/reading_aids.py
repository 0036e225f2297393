"""Template helpers of the public layout's reading aids (文字サイズ・配色・ふりがな)."""

from django import template
from django.utils.translation import get_language

from accessibility import reading_aids
from accessibility.furigana import ruby_html
from accessibility.ruby_html import annotate_html

register = template.Library()


@register.simple_tag(takes_context=True)
def reading_aid_classes(context):
    return reading_aids.html_classes(context.get("request"))


@register.simple_tag(takes_context=True)
def reading_aid_groups(context):
    """Each aid with its choices: (value, label, pressed, the button's id)."""
    request = context.get("request")
    return [
        {
            "name": aid.cookie,
            "label": aid.label,
            "class_prefix": aid.class_prefix,
            "choices": [
                (
                    value,
                    label,
                    value == reading_aids.chosen(request, aid),
                    reading_aids.control_id(aid.cookie, value),
                )
                for value, label in aid.choices
            ],
        }
        for aid in (reading_aids.TEXT_SIZE, reading_aids.COLOR_SCHEME)
    ]


@register.simple_tag
def furigana_control_id():
    return reading_aids.control_id(reading_aids.FURIGANA.cookie, None)


@register.simple_tag(takes_context=True)
def furigana_on(context):
    return reading_aids.furigana_enabled(context.get("request"))


@register.filter
def with_readings(text):
    """Japanese text with its kanji words read in <ruby> (a reader of another language's page
    shown the Japanese term can say it)."""
    return ruby_html(text)


class ReadingsNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        html = self.nodelist.render(context)
        if not reading_aids.furigana_enabled(context.get("request")):
            return html
        return annotate_html(html, get_language() or "")


@register.tag
def furigana_readings(parser, token):
    """{% furigana_readings %}…{% endfurigana_readings %}: when the visitor turned ふりがな on,
    every Japanese text inside gets its readings (accessibility.ruby_html)."""
    nodelist = parser.parse(("endfurigana_readings",))
    parser.delete_first_token()
    return ReadingsNode(nodelist)
