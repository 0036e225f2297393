"""A building block for other apps' snippet viewsets: the field history of what they edit."""

from django.contrib.admin.utils import quote
from django.urls import path, reverse

from editorial.admin_views import FieldHistoryView


class FieldHistoryViewSetMixin:
    """Adds the field history view, and a listing button to it, to a snippet viewset."""

    @property
    def field_history_view(self):
        return self.construct_view(FieldHistoryView)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("field-history/<str:pk>/", self.field_history_view, name="field_history"),
        ]

    def field_history_url(self, instance):
        return reverse(self.get_url_name("field_history"), args=[quote(instance.pk)])
