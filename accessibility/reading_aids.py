"""Reading aids (文字サイズ・配色・ふりがな): the visitor's choices, kept in cookies.

The toggles are plain form buttons that post to accessibility.views.set_reading_aid, so they
work without JavaScript; the view stores the choice and sends the visitor back to the control.
The forms carry no CSRF token, so that the public pages stay the same for every visitor.
assets/js/reading-aids.js applies text size and colour scheme at once instead, writing the same
cookies.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

COOKIE_MAX_AGE = 60 * 60 * 24 * 365


@dataclass(frozen=True)
class Aid:
    cookie: str
    label: str
    choices: tuple  # (value, label); the first is the default
    class_prefix: str


TEXT_SIZE = Aid(
    "text_size",
    _("文字サイズ"),
    (("standard", _("標準")), ("large", _("大")), ("x-large", _("特大"))),
    "text-",
)
COLOR_SCHEME = Aid(
    "color_scheme",
    _("配色"),
    (("standard", _("標準")), ("contrast", _("黒地に黄")), ("blue", _("青地に白"))),
    "scheme-",
)
FURIGANA = Aid("furigana", _("ふりがな"), (("off", _("なし")), ("on", _("あり"))), "furigana-")
AIDS = {aid.cookie: aid for aid in (TEXT_SIZE, COLOR_SCHEME, FURIGANA)}


def control_id(name, value):
    """The id of the panel's button that chose value for the aid called name (ふりがな has one
    button, whatever it offers): the page the visitor is sent back to scrolls to it, opens the
    panel and focuses it."""
    if name == FURIGANA.cookie:
        return "reading-aid-furigana"
    return f"reading-aid-{name}-{value}".replace("_", "-")


def chosen(request, aid):
    """The visitor's choice for aid, or its default."""
    value = request.COOKIES.get(aid.cookie) if request is not None else None
    values = [value for value, _label in aid.choices]
    return value if value in values else values[0]


def furigana_enabled(request):
    """Whether the visitor asked for ふりがな (every reader of the choice asks here)."""
    return chosen(request, FURIGANA) == "on"


def html_classes(request):
    """Classes for <html> that apply the visitor's choices (the defaults need none)."""
    return " ".join(
        f"{aid.class_prefix}{chosen(request, aid)}"
        for aid in AIDS.values()
        if chosen(request, aid) != aid.choices[0][0]
    )
