"""A mail server that takes its time: each message is written as a file a moment after it is
handed over, as an SMTP server accepts it a moment after the connection opens.

With MAIL_SERVER_HANGS_AFTER=N in the environment it stops answering once it has accepted N
messages, so a worker killed while waiting on it is killed in the middle of its batch however
fast or slow the machine is.
"""

import os
import time
from pathlib import Path

from django.core.mail.backends.filebased import EmailBackend

SECONDS_PER_MESSAGE = 0.25
SEPARATOR = "-" * 79 + "\n"


def accepted_messages(folder):
    """The messages the server has written to folder, in order (one file may hold several)."""
    messages = []
    for path in sorted(folder.glob("*.log")):
        messages += [part for part in path.read_text(encoding="utf-8").split(SEPARATOR) if part]
    return messages


class SlowFileBackend(EmailBackend):
    def send_messages(self, email_messages):
        time.sleep(SECONDS_PER_MESSAGE * len(email_messages))
        hangs_after = int(os.environ.get("MAIL_SERVER_HANGS_AFTER") or 0)
        if hangs_after and len(accepted_messages(Path(self.file_path))) >= hangs_after:
            time.sleep(3600)
        return super().send_messages(email_messages)
