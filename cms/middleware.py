"""Requests whose query string carries a NUL character are refused with 400 before any view runs.

No parameter of the site or the admin can hold one, and PostgreSQL refuses it in any text
compared in a query (`DataError`), so every view that filters by a parameter (a locale, a search,
a department) would otherwise answer 500 on PostgreSQL while SQLite merely finds nothing.
"""

from django.core.exceptions import BadRequest


class RejectNulCharactersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            raise BadRequest("A query parameter contains a NUL character.")
        return self.get_response(request)
