"""Who may change which glossary term.

The supervising division looks after the whole glossary. An editor of a department may change a
term only where their own measures use it (in any language): a term explained on another
department's measures is theirs to word. Administrators and reviewers are not scoped.
"""

from wagtail.permission_policies import ModelPermissionPolicy

from editorial import roles
from editorial.permissions import department_measure_pages
from measures.models import MeasurePage

SCOPED_ACTIONS = {"change", "lock", "unlock", "publish", "delete"}


def is_scoped(user):
    """Department editors outside the supervising division."""
    if user.is_superuser or not user.groups.filter(name__in=roles.DEPARTMENT_SCOPED_GROUPS):
        return False
    return not user.department_memberships.filter(
        department__name=roles.SUPERVISING_DIVISION
    ).exists()


def terms_used_by_departments_of(user):
    """translation_keys of the terms that measures of the user's departments link to."""
    pages = department_measure_pages(user).values("pk")
    return MeasurePage.glossary_terms.through.objects.filter(measurepage_id__in=pages).values(
        "glossaryterm__translation_key"
    )


class GlossaryTermPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        if action not in SCOPED_ACTIONS or not is_scoped(user):
            return True
        return (
            terms_used_by_departments_of(user)
            .filter(glossaryterm__translation_key=instance.translation_key)
            .exists()
        )

    def instances_user_has_permission_for(self, user, action):
        instances = super().instances_user_has_permission_for(user, action)
        if action in SCOPED_ACTIONS and is_scoped(user):
            instances = instances.filter(translation_key__in=terms_used_by_departments_of(user))
        return instances
