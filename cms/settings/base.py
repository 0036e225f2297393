"""Settings shared by every environment: secure by default, configured from the environment.

dev.py and test.py only loosen these; production.py insists on what a deployment must set.
The environment variables are listed in README.md and ../shared/CONTRACTS.md.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONE, SELF, UNSAFE_INLINE

env = os.environ.copy()

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    return [item.strip() for item in env.get(name, default).split(",") if item.strip()]


# Django

SECRET_KEY = env.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

INSTALLED_APPS = [
    "home",
    "fonts",
    "editorial",
    "measures",
    "glossary",
    "search",
    "accessibility",
    "translations",
    "reporting",
    "feedback",
    "plan_report",
    "embeds",
    # Before wagtail.admin: its login template (no "remember me") replaces Wagtail's.
    "staff_accounts",
    "operations",
    "page_cache",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "search.wagtail_search.IndexUpdatesConfig",  # wagtail.search, see there
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "rest_framework",
    "modelcluster",
    "taggit",
    "simple_history",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "cms.middleware.RejectNulCharactersMiddleware",
    # Holds the work a request queues for after its answer on the response that is sent.
    "cms.after_response.AfterResponseMiddleware",
    # Near the top: a cached page skips the rest (page_cache/middleware.py).
    "page_cache.middleware.PageCacheMiddleware",
    "cms.csp.SitePolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "translations.middleware.TranslationNoticeMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "translations.middleware.AdminLanguageMiddleware",
    "editorial.middleware.DepartmentScopeMiddleware",
    "translations.guards.TranslationPublishGuardMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "staff_accounts.middleware.TwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "home.error_pages.ThemedErrorPagesMiddleware",
    # Last, as django-axes asks: it turns a lockout into the login page's message.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
            # Template tags of the shared components in templates/components/.
            "libraries": {"tables": "cms.templatetags.tables"},
        },
    },
]

# DATABASE_URL: sqlite:////abs/path.sqlite3 or postgres://user@host:port/db
DATABASES = {
    "default": dj_database_url.parse(
        env.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(env.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# CACHE_URL: redis://host:port/db, shared by every process of the site (production); empty: files
# under .cache/django-cache, which the processes of one machine share (the embedded default);
# file:///abs/path: files there (a copy of the site of its own, as the load test and bench run).
CACHE_URL = env.get("CACHE_URL", "")
if CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": CACHE_URL.removeprefix("file://")
            or str(BASE_DIR / ".cache" / "django-cache"),
            # Django's default of 300 entries would drop pages of a site with a few hundred.
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    }

# django-axes' backend first: it refuses a locked-out user or address before any password check.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Japanese is the source language; the others are translations of it.
LANGUAGE_CODE = "ja"
LANGUAGES = [
    ("ja", "日本語"),
    ("en", "English"),
    ("pt-br", "Português"),
    ("es", "Español"),
    ("zh-hans", "简体中文"),
    ("ko", "한국어"),
    ("vi", "Tiếng Việt"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Tokyo"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.get("STATIC_ROOT", BASE_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "assets"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.get("MEDIA_ROOT", BASE_DIR / "media"))
# The fonts app: source fonts (default: the WOFF2 files shipped in fonts/sources/) and the folder
# where cut subsets are kept between builds, named by what went into them.
FONT_SOURCE_DIR = env.get("FONT_SOURCE_DIR", "")
FONT_CACHE_DIR = Path(env.get("FONT_CACHE_DIR", BASE_DIR / ".cache" / "fonts"))

SESSION_COOKIE_SECURE = True
# A staff session lasts a working day at most and ends when the browser closes (the admin's
# login form has no "remember me": staff_accounts.forms.StaffLoginForm).
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_SECURE = True
SECURE_SSL_REDIRECT = env.get("SECURE_SSL_REDIRECT", "1") == "1"
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_CONTENT_TYPE_NOSNIFF = True
# Only a proxy the site stands behind (the shipped nginx) may say a request came over HTTPS;
# trusted otherwise, any client could claim it.
if env.get("TRUST_X_FORWARDED_PROTO", "0") == "1":
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# SAMEORIGIN, not DENY: Wagtail's preview shows the page in a frame of the admin. The embeds
# (embeds/views.py) replace it with a Content-Security-Policy frame-ancestors of their own.
X_FRAME_OPTIONS = "SAMEORIGIN"
# Django's defaults, spelled out: links to other sites send no referrer at all, and a page opened
# from another origin cannot reach this one's window (nor it theirs).
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# The demo accounts and their shared password (bootstrap_site --demo): production refuses them.
DEMO_ACCOUNTS_ALLOWED = True

# EMAIL_URL is not parsed by Django itself; EMAIL_HOST and friends are.
EMAIL_HOST = env.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env.get("EMAIL_USE_TLS", "0") == "1"
# A mail server that stops answering fails the send (which is retried) instead of holding the
# worker and the outbox row it is sending (editorial/outbox.py) for ever.
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = env.get("DEFAULT_FROM_EMAIL", "ict-plan@city.oyama.tochigi.jp")
# EMAIL_FILE_PATH keeps every mail as a file in that folder instead of sending it (a mail log).
if env.get("EMAIL_FILE_PATH"):
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = env["EMAIL_FILE_PATH"]

# django-csp (cms/csp.py picks the policy): the public pages run only the site's own scripts and
# stylesheets, with no inline script, no inline stylesheet and no style attribute. No nonce either:
# a public page is the same for every visitor, so that it can be cached (page_cache/).
# https://django-csp.readthedocs.io/en/latest/configuration.html

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "style-src-attr": [NONE],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        # As X_FRAME_OPTIONS: the admin's preview frames the pages; the embeds add their hosts.
        "frame-ancestors": [SELF],
    }
}
# The Wagtail admin cannot do without 'unsafe-inline' yet (https://github.com/wagtail/wagtail/issues/1288):
# - script-src: Wagtail 8 writes inline <script> elements from places that never see the request,
#   so no nonce can be given to them: InlinePanel (a measure's initiatives, plans and reports),
#   the date and time widgets (go-live dates), wagtail-localize's translation editor;
# - style-src (and so style-src-attr): jQuery UI, tag-it, Draftail and wagtail-localize's editor
#   write style="…" into the markup they insert, and wagtail-localize's pages carry <style>.
# Nothing else is loosened: no 'unsafe-eval', no other origin; images also from data: and blob:
# (the upload previews and Draftail's icons). The previews of pages it frames get this policy too.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
    }
}

# django-permissions-policy: nothing on the site needs a device, the visitor's location or
# payment, and no third party embedded in a page may ask for them either.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

# The page cache (page_cache/): how long Django's cache keeps a public page (0: not at all), and
# how long nginx's proxy cache does (deploy/nginx/). Both are purged on every change; the times
# only bound what a request rendering during a purge may leave behind in nginx.
PAGE_CACHE_SECONDS = int(env.get("PAGE_CACHE_SECONDS", str(24 * 60 * 60)))
PROXY_CACHE_SECONDS = int(env.get("PROXY_CACHE_SECONDS", "60"))

# Wagtail

WAGTAIL_SITE_NAME = "第3次小山市情報化基本計画"
WAGTAILADMIN_BASE_URL = env.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Site search (search/): the database's full-text index fed with our Japanese analysis, or
# OpenSearch/Elasticsearch with a Japanese analyser when SEARCH_URL is set (see search.engine).
SEARCH_URL = env.get("SEARCH_URL", "")
WAGTAILSEARCH_BACKENDS = {
    "default": (
        {"BACKEND": "search.engine", "URLS": [SEARCH_URL], "INDEX": "oyama-ict-plan"}
        if SEARCH_URL
        else {"BACKEND": "search.backends", "SEARCH_CONFIG": "simple"}
    )
}
WAGTAILADMIN_PERMITTED_LANGUAGES = [("ja", "日本語"), ("en", "English")]
# Uploads: only the kinds the site publishes, of a size a page can carry. No SVG images (they can
# hold scripts). Documents are always downloaded (Content-Disposition: attachment) through
# Wagtail's view, never shown in the site's own origin, whatever type the browser would guess.
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_EXTENSIONS = ["csv", "pdf", "txt", "xlsx", "json"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "editorial.documents.DocumentForm"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
# Approval in the review workflow publishes; nobody below the administrators publishes directly.
# The editor saves a draft in the background this long after the last keystroke. Wagtail's half
# second starts a save in the same moment as most clicks on 審査に提出, which the server then
# refuses as out of date (assets/js/admin-editor.js stops saves that have not started yet);
# five seconds of quiet is when a person has finished a thought.
WAGTAIL_AUTOSAVE_INTERVAL = 5000
# The admin never asks wagtail.org for new releases: no request leaves for a third party.
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Staff avatars are not fetched from Gravatar: the admin makes no requests to third parties.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_FINISH_WORKFLOW_ACTION = "editorial.approval.publish_approved"
# The frontend caches page_cache.purge purges (wagtail.contrib.frontend_cache is not installed:
# the page cache decides what to purge, not Wagtail's page signals). FRONTEND_CACHE_URL: the
# proxy taking HTTP PURGE (the shipped nginx); CLOUDFLARE_* and CLOUDFRONT_DISTRIBUTION_ID: a CDN
# (CloudFront needs boto3 and AWS credentials in the environment).
# https://docs.wagtail.org/en/stable/reference/contrib/frontendcache.html
FRONTEND_CACHE_URL = env.get("FRONTEND_CACHE_URL", "")
WAGTAILFRONTENDCACHE = {}
if FRONTEND_CACHE_URL:
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": FRONTEND_CACHE_URL,
    }
if env.get("CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env.get("CLOUDFLARE_BEARER_TOKEN", ""),
        "ZONEID": env["CLOUDFLARE_ZONEID"],
    }
if env.get("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env["CLOUDFRONT_DISTRIBUTION_ID"],
    }
# The purge names each language's URL itself (page_cache.affected).
WAGTAILFRONTENDCACHE_LANGUAGES = []

WAGTAILADMIN_USER_LOGIN_FORM = "staff_accounts.forms.StaffLoginForm"

# Staff accounts (staff_accounts app)
# Reviewers and administrators sign in with a second factor (TOTP, django-otp) when
# STAFF_2FA_REQUIRED is on; dev and test let the demo accounts put enrolment off, production
# refuses to. Password-reset mails: at most PASSWORD_RESET_RATE_LIMIT an hour per address and
# per client.
STAFF_2FA_REQUIRED = env.get("STAFF_2FA_REQUIRED", "1") == "1"
PASSWORD_RESET_RATE_LIMIT = int(env.get("PASSWORD_RESET_RATE_LIMIT", "3"))
OTP_TOTP_ISSUER = "小山市情報化基本計画"

# django-axes: five wrong passwords lock the user name, and separately the client's address,
# for 15 minutes (or until `manage.py axes_reset_username NAME` / `axes_reset_ip ADDRESS`).
# https://django-axes.readthedocs.io/en/latest/4_configuration.html
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "staff_accounts.views.locked_out"
# Django's own admin is not served; axes' attempts are read in its commands and our audit log.
AXES_ENABLE_ADMIN = False

# wagtail-localize
# Machine translation is a button in the translation editor, off unless MACHINE_TRANSLATOR names a
# service; nothing is sent anywhere by default. Translations it makes still go through review.
# https://wagtail-localize.org/stable/how-to/integrations/machine-translation/

MACHINE_TRANSLATORS = {
    "deepl": {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": env.get("DEEPL_AUTH_KEY", "")},
    },
    "google": {
        "CLASS": "wagtail_localize.machine_translators.google.GoogleCloudTranslator",
        "OPTIONS": {
            "PROJECT_ID": env.get("GOOGLE_TRANSLATE_PROJECT_ID", ""),
            "CREDENTIALS_PATH": env.get("GOOGLE_APPLICATION_CREDENTIALS", ""),
        },
    },
}
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = MACHINE_TRANSLATORS.get(env.get("MACHINE_TRANSLATOR", ""))

# Celery: an empty broker URL runs every task in-process, as the embedded default does.

CELERY_BROKER_URL = env.get("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = None
CELERY_TIMEZONE = TIME_ZONE
# A message is acknowledged when its task has finished, also when the worker process running it
# was killed: the task then runs again (every task is safe to run twice, see cms/celery.py).
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
# A message a lost worker had taken is handed out again after this many seconds (Redis keeps it
# meanwhile); longer than any task runs, so a slow task is not started twice.
# https://docs.celeryq.dev/en/stable/getting-started/backends-and-brokers/redis.html#visibility-timeout
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": int(env.get("CELERY_VISIBILITY_TIMEOUT", "3600")),
}
# Scheduled publishing (go-live and expiry dates of pages and snippets), once a minute.
CELERY_BEAT_SCHEDULE = {
    "publish-scheduled": {"task": "editorial.tasks.publish_scheduled", "schedule": 60.0},
    # The time of beat's last run, which /healthz reports.
    "beat-heartbeat": {"task": "operations.tasks.record_beat_run", "schedule": 60.0},
    # Reporting reminders and reviewers' digests, every morning; a second run sends nothing.
    "reporting-reminders": {
        "task": "reporting.tasks.send_reporting_reminders",
        "schedule": crontab(hour=8, minute=0),
    },
    # Citizens' feedback past its retention period, once a day.
    "purge-feedback": {"task": "feedback.tasks.purge_expired_feedback", "schedule": 24 * 60 * 60.0},
}

# Feedback (feedback app): how long messages and reply addresses are kept, and how many
# messages one address may send an hour.
FEEDBACK_RETENTION_DAYS = int(env.get("FEEDBACK_RETENTION_DAYS", "365"))
FEEDBACK_RATE_LIMIT = int(env.get("FEEDBACK_RATE_LIMIT", "5"))

# The 実施計画調書 PDF (plan_report app) is rebuilt after each publication when a Celery worker
# runs it in the background; without a broker it is built on the first download instead.
PLAN_REPORT_BUILD_ON_PUBLISH = bool(CELERY_BROKER_URL)

# Embeds (embeds app): the origins that may show /embed/… pages in a frame (CSP frame-ancestors).
EMBED_ALLOWED_HOSTS = env_list("EMBED_ALLOWED_HOSTS") or ["https://www.city.oyama.tochigi.jp"]

# The plan

PLAN_SOURCE_PATH = BASE_DIR / "measures" / "data" / "oyama-ict-plan-r4.txt"
DEMO_PASSWORD = env.get("DEMO_PASSWORD", "demo-pass-2026")
