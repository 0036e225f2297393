"""Wagtail's read API: published pages only.

Three answers of Wagtail's own are made client errors instead of server errors: `find/?id=`
with something that is not a number and a field filter with a value its field cannot hold (e.g.
`?first_published_at=1`) are 400, as a bad `offset` is; an `offset` past the last page is an
empty page without a query (SQLite cannot take an OFFSET beyond 64 bits).
"""

from django.core.exceptions import ValidationError
from wagtail.api.v2 import views
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError


class Pagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        page = super().paginate_queryset(queryset, request, view)  # validates the offset
        past_the_end = int(request.GET.get("offset", 0)) >= self.total_count
        return page[:0] if past_the_end else page


class PagesAPIViewSet(views.PagesAPIViewSet):
    pagination_class = Pagination

    def filter_queryset(self, queryset):
        try:
            return super().filter_queryset(queryset)
        except ValidationError as error:
            raise BadRequestError(f"field filter error: {' '.join(error.messages)}") from error

    def find_object(self, queryset, request):
        identifier = request.GET.get("id")
        if identifier is not None and not identifier.lstrip("-").isdecimal():
            raise BadRequestError("id must be an integer")
        return super().find_object(queryset, request)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
