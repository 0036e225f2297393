from django.apps import AppConfig


class StaffAccountsConfig(AppConfig):
    """Signing in to the admin: lockout, two-factor sign-in, password resets and the audit log."""

    name = "staff_accounts"
    verbose_name = "職員アカウント"

    def ready(self):
        from staff_accounts import audit  # noqa: F401  (connects the audit log's receivers)
