"""Feedback in the admin: each department sees its own measures' feedback, the division all."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.views.generic.models import EditView
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from feedback import services
from feedback.models import Feedback


class ScopedEditView(EditView):
    def get_queryset(self):
        return services.visible_to(self.request.user, super().get_queryset())


class FeedbackViewSet(SnippetViewSet):
    model = Feedback
    icon = "mail"
    menu_label = _("ご意見")
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["__str__", "status", "received_at"]
    list_filter = ["status"]
    edit_view_class = ScopedEditView
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("measure", read_only=True),
                FieldPanel("received_at", read_only=True),
                FieldPanel("language", read_only=True),
                FieldPanel("message", read_only=True),
                FieldPanel("reply_to", read_only=True),
            ],
            heading=_("受け付けたご意見"),
        ),
        FieldPanel("status"),
        FieldPanel("staff_note"),
    ]

    def get_queryset(self, request):
        return services.visible_to(request.user, Feedback.objects.select_related("measure"))


register_snippet(FeedbackViewSet)
