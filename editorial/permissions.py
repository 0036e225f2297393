"""Department scoping of page permissions.

Editors' page permissions are granted once, on the whole tree, to the editors' group. For each
editor this policy narrows every such grant to the measure pages of the editor's departments
(lead or related, in any language), as if the group held it on each of those pages. Everything
in the admin that asks about page permissions — the permission tester behind every page view,
the explorer listing, admin search, reports and choosers — goes through this policy, so a
measure of another department is hidden from the editor and refused with 403.
"""

from wagtail.models import GroupPagePermission, Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from editorial import roles
from measures.models import Department, MeasureDepartment


def department_measure_pages(user):
    """The measure pages (all languages) whose departments include one of the user's."""
    departments = Department.objects.filter(memberships__user=user).values("translation_key")
    page_ids = MeasureDepartment.objects.filter(department__translation_key__in=departments).values(
        "page_id"
    )
    return Page.objects.filter(pk__in=page_ids).only("pk", "path", "depth")


def is_department_scoped(permission):
    return permission.group.name in roles.DEPARTMENT_SCOPED_GROUPS


def narrowed_to(permission, pages):
    return [
        GroupPagePermission(group=permission.group, permission=permission.permission, page=page)
        for page in pages
        if page.path.startswith(permission.page.path)
    ]


class DepartmentPagePermissionPolicy(PagePermissionPolicy):
    def get_all_permissions_for_user(self, user):
        permissions = list(super().get_all_permissions_for_user(user).select_related("group"))
        if not any(is_department_scoped(p) for p in permissions):
            return permissions
        pages = list(department_measure_pages(user))
        result = []
        for permission in permissions:
            if is_department_scoped(permission):
                result.extend(narrowed_to(permission, pages))
            else:
                result.append(permission)
        return result
