"""Admin view: an editor sends the translation of a page to review."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Page

from translations.review import NothingToReview, can_submit, submit_for_review


def submit_translation(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not can_submit(page, request.user):
        raise PermissionDenied
    if request.method != "POST":
        return TemplateResponse(request, "translations/submit_for_review.html", {"page": page})
    try:
        submit_for_review(page, request.user)
    except NothingToReview:
        messages.error(request, _("この翻訳は審査に送れません。"))
    else:
        messages.success(
            request, _("「%(title)s」の翻訳を審査に送りました。") % {"title": page.title}
        )
    return redirect(reverse("wagtailadmin_explore", args=[page.get_parent().pk]))
