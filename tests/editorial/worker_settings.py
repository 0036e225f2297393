"""Settings of the worker processes that tests/editorial/test_outbox.py starts and kills.

The test settings, with a real Redis broker from CELERY_BROKER_URL, a lost worker's messages
handed out again after two seconds instead of an hour, and mails written as files slowly enough
that a kill lands in the middle of a batch.
"""

from cms.settings.test import *  # noqa: F403
from cms.settings.test import env

CELERY_BROKER_URL = env["CELERY_BROKER_URL"]
CELERY_TASK_ALWAYS_EAGER = False
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": 2,
    "unacked_restore_interval": 1,
    "unacked_restore_throttle": 1,
}
EMAIL_BACKEND = "tests.editorial.slow_mail.SlowFileBackend"
EMAIL_FILE_PATH = env["EMAIL_FILE_PATH"]
