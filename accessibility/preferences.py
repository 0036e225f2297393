"""Which reading aids a visitor chose, read from their cookie."""

FURIGANA_COOKIE = "furigana"


def furigana_enabled(request):
    return request is not None and request.COOKIES.get(FURIGANA_COOKIE) == "on"
