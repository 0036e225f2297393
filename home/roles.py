"""The staff roles of the CMS, as Django groups, and what each may do."""

EDITORS = "部署編集者"
REVIEWERS = "情報政策課 審査者"
ADMINISTRATORS = "サイト管理者"

SUPERVISING_DIVISION = "情報政策課"

WORKFLOW_NAME = "施策の審査"
REVIEW_TASK_NAME = "情報政策課による審査"

# Page permissions granted on the whole site tree; which measures an editor may touch is narrowed
# further by department.
PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    REVIEWERS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    ADMINISTRATORS: [
        "add_page",
        "change_page",
        "publish_page",
        "bulk_delete_page",
        "lock_page",
        "unlock_page",
    ],
}

# Model permissions, as "app_label.codename".
MODEL_PERMISSIONS = {
    EDITORS: ["wagtailadmin.access_admin", "glossary.change_glossaryterm"],
    REVIEWERS: [
        "wagtailadmin.access_admin",
        "glossary.add_glossaryterm",
        "glossary.change_glossaryterm",
        "measures.add_department",
        "measures.change_department",
        "measures.change_dxpriority",
    ],
    ADMINISTRATORS: [
        "wagtailadmin.access_admin",
        "glossary.add_glossaryterm",
        "glossary.change_glossaryterm",
        "glossary.delete_glossaryterm",
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
    ],
}

DEMO_ACCOUNTS = [
    # username, group, departments, superuser
    ("admin", ADMINISTRATORS, [], True),
    ("reviewer", REVIEWERS, [SUPERVISING_DIVISION], False),
    ("editor-joho", EDITORS, [SUPERVISING_DIVISION], False),
    ("editor-nosei", EDITORS, ["農政課"], False),
]
