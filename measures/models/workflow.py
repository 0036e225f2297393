"""The division review (情報政策課による審査): Wagtail's group approval with two extra rules.

- Four eyes: nobody approves changes they wrote themselves.
- Sending a change back (差し戻し) needs a comment, which the editor receives.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.forms import TaskStateCommentForm
from wagtail.models import AbstractGroupApprovalTask, Revision

FOUR_EYES_REASON = _(
    "この変更にはあなたが作成した版が含まれているため、あなたは承認できません。"
    "別の審査者が承認します。"
)
COMMENT_REQUIRED_REASON = _("差し戻すときは、理由をコメントに書いてください。")


class RejectionForm(TaskStateCommentForm):
    comment = forms.CharField(
        label=_("差し戻しの理由"), required=True, widget=forms.Textarea({"rows": 3})
    )


# What a revision records besides the content: saving the same content again (as an action taken
# from the edit view may) changes only these, and is not writing anything.
BOOKKEEPING_KEYS = {
    "pk",
    "id",
    "latest_revision",
    "latest_revision_created_at",
    "live_revision",
    "last_published_at",
    "first_published_at",
    "has_unpublished_changes",
    "live",
    "locked",
    "locked_at",
    "locked_by",
    "owner",
    "draft_title",
    "numchild",
    "comments",
    "wagtail_admin_comments",
}


def without_new_identities(value):
    """Inline parts not yet published get a fresh translation_key each time a form saves them:
    an identity, not content."""
    if isinstance(value, list):
        return [without_new_identities(item) for item in value]
    if isinstance(value, dict):
        unsaved = value.get("pk", "") is None
        return {
            k: without_new_identities(v)
            for k, v in value.items()
            if not (unsaved and k == "translation_key")
        }
    return value


def content_of(revision):
    return {
        k: without_new_identities(v)
        for k, v in revision.content.items()
        if k not in BOOKKEEPING_KEYS
    }


def content_authors(obj):
    """The users who changed the content since the live version: one per differing revision."""
    live_revision_id = (
        type(obj)
        ._default_manager.filter(pk=obj.pk)
        .values_list("live_revision_id", flat=True)
        .first()
    )
    revisions = Revision.objects.for_instance(obj).order_by("pk")
    if live_revision_id:
        revisions = revisions.filter(pk__gte=live_revision_id)
    previous = None
    authors = set()
    for revision in revisions.only("pk", "user_id", "content"):
        content = content_of(revision)
        if revision.pk != live_revision_id and content != previous:
            authors.add(revision.user_id)
        previous = content
    return authors


def authored_pending_changes(obj, user):
    """Four eyes, judged on the content: did this user write any of what approval would publish?"""
    return user.pk in content_authors(obj)


class DivisionReviewTask(AbstractGroupApprovalTask):
    """Approve publishes; reject returns the change to its editor with the reviewer's comment."""

    def user_can_moderate(self, user):
        return user.is_superuser or self._user_in_groups(user)

    def approval_refused_reason(self, obj, user):
        """Why this user may not approve the change under review, or None if they may."""
        if self.user_can_moderate(user) and authored_pending_changes(obj, user):
            return FOUR_EYES_REASON
        return None

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if self.approval_refused_reason(obj, user):
            return [action for action in actions if action[0] != "approve"]
        return actions

    def get_form_for_action(self, action):
        return RejectionForm if action == "reject" else super().get_form_for_action(action)

    def on_action(self, task_state, user, action_name, **kwargs):
        obj = task_state.workflow_state.content_object
        if action_name == "approve" and self.approval_refused_reason(obj, user):
            raise PermissionDenied(FOUR_EYES_REASON)
        if action_name == "reject" and not kwargs.get("comment", "").strip():
            raise PermissionDenied(COMMENT_REQUIRED_REASON)
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _(
            "審査者グループが承認（公開）または差し戻します。自分が書いた変更は承認できません。"
        )

    class Meta:
        verbose_name = _("部署の変更の審査")
        verbose_name_plural = _("部署の変更の審査")
