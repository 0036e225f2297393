"""Fast, isolated settings for the test suite."""

from .dev import *  # noqa: F403
from .dev import env

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# No page cache: a test's rollback would leave its pages behind for the next (purges run on
# commit). The page cache's own tests turn it on (tests/page_cache/).
PAGE_CACHE_SECONDS = 0
FRONTEND_CACHE_URL = ""
WAGTAILFRONTENDCACHE = {}
if not env.get("EMAIL_FILE_PATH"):
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Tasks run in-process whatever the environment says, so a CELERY_BROKER_URL left in a shell never
# sends a test's task to a real queue. The real-worker tests (tests/measures/test_notifications.py)
# make a Celery app of their own on a Redis broker.
CELERY_BROKER_URL = ""
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
# A test that publishes a page does not also build the report's PDF (tests/plan_report builds it).
PLAN_REPORT_BUILD_ON_PUBLISH = False
