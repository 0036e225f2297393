"""Admin views of the workflow history: thin, the work is in editorial.history."""

from django import forms
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.models import Page

from editorial.history import field_history, page_timeline


def editable_page_or_403(user, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(user).can_edit():
        raise PermissionDenied
    return page


class PageTimelineView(WagtailAdminTemplateMixin, TemplateView):
    """Every revision and workflow step of a page, with two revisions to compare."""

    template_name = "editorial/admin/page_history.html"
    page_title = _("審査と版の履歴")
    header_icon = "history"

    def dispatch(self, request, page_id):
        self.page = editable_page_or_403(request.user, page_id)
        return super().dispatch(request)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_context_data(self, **kwargs):
        return super().get_context_data(page=self.page, rows=page_timeline(self.page), **kwargs)


class CompareForm(forms.Form):
    a = forms.IntegerField()
    b = forms.IntegerField()


def compare_revisions(request, page_id):
    """Wagtail's revision comparison for the two revisions chosen in the timeline, older first."""
    page = editable_page_or_403(request.user, page_id)
    form = CompareForm(request.GET)
    chosen = (
        sorted(
            page.revisions.filter(pk__in=form.cleaned_data.values()).values_list("pk", flat=True)
        )
        if form.is_valid()
        else []
    )
    if len(chosen) != 2:
        messages.error(request, _("比較する版を2つ選んでください。"))
        return redirect("editorial_page_history", page.pk)
    return redirect("wagtailadmin_pages:revisions_compare", page.pk, *chosen)


class PageTimelineButton(PageMenuItem):
    label = _("審査と版の履歴")
    icon_name = "history"
    url_name = "editorial_page_history"

    def is_shown(self, user):
        return self.page.permissions_for_user(user).can_edit()


page_history_urls = [
    path(
        "pages/<int:page_id>/timeline/", PageTimelineView.as_view(), name="editorial_page_history"
    ),
    path("pages/<int:page_id>/timeline/compare/", compare_revisions, name="editorial_page_compare"),
]


class FieldHistoryView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Who changed which field of one object when (django-simple-history)."""

    model = None
    edit_url_name = None
    index_url_name = None
    permission_required = "change"
    template_name = "editorial/admin/field_history.html"
    page_title = _("項目の変更履歴")
    header_icon = "history"

    def dispatch(self, request, pk):
        self.object = get_object_or_404(self.model, pk=unquote(str(pk)))
        return super().dispatch(request)

    def get_page_subtitle(self):
        return str(self.object)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            object=self.object,
            entries=field_history(self.object),
            edit_url=reverse(self.edit_url_name, args=[quote(self.object.pk)]),
            **kwargs,
        )
