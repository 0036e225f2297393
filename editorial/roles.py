"""The staff roles of the CMS, as Django groups, and what each may do."""

EDITORS = "部署編集者"
REVIEWERS = "情報政策課 審査者"
ADMINISTRATORS = "サイト管理者"

SUPERVISING_DIVISION = "情報政策課"

WORKFLOW_NAME = "施策の審査"
REVIEW_TASK_NAME = "情報政策課による審査"

# Page permissions granted on the whole site tree. Publishing is left to the review workflow:
# neither editors nor reviewers may publish directly, so every change is seen by a second person.
PAGE_PERMISSIONS = {
    EDITORS: ["change_page"],
    REVIEWERS: ["add_page", "change_page", "lock_page", "unlock_page"],
    ADMINISTRATORS: [
        "add_page",
        "change_page",
        "publish_page",
        "bulk_delete_page",
        "lock_page",
        "unlock_page",
    ],
}

# Groups whose page permissions reach only the measures of the member's own departments
# (editorial.permissions narrows them); every other group's grants apply to the whole subtree.
DEPARTMENT_SCOPED_GROUPS = {EDITORS}

# Model permissions, as "app_label.codename". The groups get exactly these (bootstrap_site syncs).
# Departments and the 自治体DX table are not moderated content: a change to them is live at once,
# so only administrators make it, and the field history (django-simple-history) records it.
MODEL_PERMISSIONS = {
    EDITORS: [
        "wagtailadmin.access_admin",
        "glossary.change_glossaryterm",
        "feedback.view_feedback",
        "feedback.change_feedback",
    ],
    REVIEWERS: [
        "wagtailadmin.access_admin",
        "accessibility.override_checks",
        "glossary.add_glossaryterm",
        "glossary.change_glossaryterm",
        "reporting.view_reportinground",
        "reporting.manage_reportinground",
        "home.change_sitecontact",
        "feedback.view_feedback",
        "feedback.change_feedback",
    ],
    ADMINISTRATORS: [
        "wagtailadmin.access_admin",
        "home.change_sitecontact",
        "accessibility.override_checks",
        "accessibility.add_readingentry",
        "accessibility.change_readingentry",
        "accessibility.delete_readingentry",
        "glossary.add_glossaryterm",
        "glossary.change_glossaryterm",
        "glossary.delete_glossaryterm",
        "glossary.publish_glossaryterm",
        "glossary.lock_glossaryterm",
        "glossary.unlock_glossaryterm",
        "measures.add_department",
        "measures.change_department",
        "measures.delete_department",
        "measures.add_departmentmembership",
        "measures.change_departmentmembership",
        "measures.delete_departmentmembership",
        "measures.add_dxpriority",
        "measures.change_dxpriority",
        "measures.delete_dxpriority",
        "auth.add_user",
        "auth.change_user",
        "auth.delete_user",
        "wagtail_localize.submit_translation",
        "reporting.view_reportinground",
        "reporting.manage_reportinground",
    ],
}

DEMO_ACCOUNTS = [
    # username, group, departments, superuser
    ("admin", ADMINISTRATORS, [], True),
    ("reviewer", REVIEWERS, [SUPERVISING_DIVISION], False),
    ("editor-joho", EDITORS, [SUPERVISING_DIVISION], False),
    ("editor-nosei", EDITORS, ["農政課"], False),
]
