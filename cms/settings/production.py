"""Production: everything deployment-specific must come from the environment."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import MIDDLEWARE, env

for required in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"):
    if not env.get(required):
        raise ImproperlyConfigured(f"{required} must be set in the environment for production.")

# Demo accounts share a password printed in the README: never on a production site.
DEMO_ACCOUNTS_ALLOWED = False
if "DEMO_PASSWORD" in env:
    raise ImproperlyConfigured("DEMO_PASSWORD is for demo sites; unset it for production.")
# Reviewers and administrators approve and publish: never without a second factor.
if not STAFF_2FA_REQUIRED:  # noqa: F405
    raise ImproperlyConfigured("STAFF_2FA_REQUIRED cannot be turned off in production.")
SECURE_HSTS_PRELOAD = True
# X_FRAME_OPTIONS stays SAMEORIGIN (cms/settings/base.py: the admin's preview is a frame).
SILENCED_SYSTEM_CHECKS = ["security.W019"]

# WhiteNoise serves STATIC_ROOT (filled by `collectstatic`, which the start-up runs: see
# docker-compose.yml): files named by their content's hash, gzip and Brotli copies made at
# collectstatic, hashed names cached for ten years ("immutable"), anything else for a minute.
# Right after SecurityMiddleware, so that a static file skips the rest of the site's middleware.
# https://whitenoise.readthedocs.io/en/stable/django.html
MIDDLEWARE = [MIDDLEWARE[0], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
