"""The demo's outbox: every e-mail sent is kept as one .eml file, for the "Sent e-mails" page.

The demo has no mail server; the task queue worker (a separate process) sends the
notification e-mails, so the page reads what it wrote from the files.
"""

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from email import policy
from email.parser import BytesParser
from pathlib import Path
from typing import Any

from django.core.mail.backends.base import BaseEmailBackend

SHOWN = 100


class MailboxBackend(BaseEmailBackend):
    def __init__(self, *args: Any, file_path: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.path = Path(file_path)

    def send_messages(self, email_messages: Any) -> int:
        self.path.mkdir(parents=True, exist_ok=True)
        for message in email_messages:
            stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
            name = self.path / f"{stamp}-{uuid.uuid4().hex[:8]}.eml"
            name.write_bytes(message.message().as_bytes())
        return len(email_messages)


@dataclass(frozen=True)
class SentMail:
    sent: str
    to: str
    subject: str
    body: str


def sent_mail(path: Path) -> list[SentMail]:
    """The latest e-mails written by `MailboxBackend` into `path`, newest first."""
    files = sorted(path.glob("*.eml"), reverse=True)[:SHOWN] if path.is_dir() else []
    found = []
    for file in files:
        message = BytesParser(policy=policy.default).parsebytes(file.read_bytes())
        body = message.get_body(preferencelist=("plain", "html"))
        found.append(
            SentMail(
                sent=str(message.get("Date", "")),
                to=str(message.get("To", "")),
                subject=str(message.get("Subject", "")),
                body=body.get_content() if body is not None else "",  # type: ignore[attr-defined]
            )
        )
    return found
