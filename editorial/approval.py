"""What finishing the review does (WAGTAIL_FINISH_WORKFLOW_ACTION).

Imported by wagtail.models while it loads, so this module imports nothing from Wagtail itself.
"""


def publish_approved(workflow_state, user=None):
    """Approving the review publishes the change under review.

    Reviewers hold no publish permission of their own (that would let them publish past the
    review, their own changes included), so the approval publishes without that check.
    """
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)
    record_approver(revision, user)


def record_approver(revision, user):
    """The public change history names who wrote the change (the revision's author) and who
    approved it: the approver is known only here, not to the page_published signal."""
    from measures.models import MeasureChangeNote

    if user is not None:
        MeasureChangeNote.objects.filter(revision=revision).update(approved_by=user)
