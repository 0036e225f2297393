"""Local development: debug on, plain HTTP, mail to the console."""

from .base import *  # noqa: F403
from .base import env

DEBUG = True
SECRET_KEY = env.get("SECRET_KEY") or "dev-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", "testserver"]
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
if not env.get("EMAIL_FILE_PATH"):
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# The demo accounts may put off setting up two-factor sign-in (the admin says so on every visit).
STAFF_2FA_REQUIRED = env.get("STAFF_2FA_REQUIRED", "0") == "1"
