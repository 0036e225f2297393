"""A mail server that takes its time: each message is written as a file a moment after it is
handed over, as an SMTP server accepts it a moment after the connection opens."""

import time

from django.core.mail.backends.filebased import EmailBackend

SECONDS_PER_MESSAGE = 0.25


class SlowFileBackend(EmailBackend):
    def send_messages(self, email_messages):
        time.sleep(SECONDS_PER_MESSAGE * len(email_messages))
        return super().send_messages(email_messages)
