"""Template helpers of the public layout's reading aids (文字サイズ・配色・ふりがな)."""

from django import template

from accessibility import reading_aids
from accessibility.furigana import ruby_html

register = template.Library()


@register.simple_tag(takes_context=True)
def reading_aid_classes(context):
    return reading_aids.html_classes(context.get("request"))


@register.simple_tag(takes_context=True)
def reading_aid_groups(context):
    """Each aid with its choices: (value, label, pressed)."""
    request = context.get("request")
    return [
        {
            "name": aid.cookie,
            "label": aid.label,
            "class_prefix": aid.class_prefix,
            "choices": [
                (value, label, value == reading_aids.chosen(request, aid))
                for value, label in aid.choices
            ],
        }
        for aid in (reading_aids.TEXT_SIZE, reading_aids.COLOR_SCHEME)
    ]


@register.simple_tag(takes_context=True)
def furigana_on(context):
    return reading_aids.furigana_enabled(context.get("request"))


@register.filter
def with_readings(text):
    """Japanese text with its kanji words read in <ruby> (a reader of another language's page
    shown the Japanese term can say it)."""
    return ruby_html(text)
