"""A real SMTP server on loopback (aiosmtpd) that keeps every message it receives, for mail tests."""

import email
import email.policy
import json
import os
import threading
import time
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path

from aiosmtpd.controller import Controller

from .common import ServiceError, free_port


@dataclass
class ReceivedMessage:
    """One message as the server received it: the SMTP envelope and the parsed message."""

    envelope_from: str
    envelope_to: list[str]
    message: EmailMessage
    raw: bytes

    @property
    def subject(self) -> str:
        return str(self.message["Subject"] or "")

    def header(self, name: str) -> str:
        return str(self.message[name] or "")

    def text(self) -> str:
        """The plain-text part (or the whole body of a single-part text message)."""
        part = self.message.get_body(preferencelist=("plain",))
        return part.get_content() if part is not None else ""

    def html(self) -> str:
        part = self.message.get_body(preferencelist=("html",))
        return part.get_content() if part is not None else ""

    def as_json(self) -> dict:
        """Envelope, headers and both parts, for readers in other languages (the e2e specs)."""
        return {
            "envelope_from": self.envelope_from,
            "envelope_to": self.envelope_to,
            "headers": [[name, str(value)] for name, value in self.message.items()],
            "text": self.text(),
            "html": self.html(),
        }


@dataclass
class _Handler:
    maildir: Path | None = None
    messages: list[ReceivedMessage] = field(default_factory=list)
    arrived: threading.Condition = field(default_factory=threading.Condition)

    def _write(self, number: int, received: ReceivedMessage) -> None:
        # Renamed into place, so a reader polling the directory never sees half a file.
        target = self.maildir / f"{number:05d}.json"
        partial = target.with_suffix(".partial")
        partial.write_text(json.dumps(received.as_json(), ensure_ascii=False), encoding="utf-8")
        os.replace(partial, target)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        raw = envelope.original_content or envelope.content
        parsed = email.message_from_bytes(raw, policy=email.policy.default)
        received = ReceivedMessage(
            envelope_from=envelope.mail_from,
            envelope_to=list(envelope.rcpt_tos),
            message=parsed,
            raw=raw,
        )
        with self.arrived:
            self.messages.append(received)
            if self.maildir is not None:
                # Before the 250: once the sender's call returns, the file is there.
                self._write(len(self.messages), received)
            self.arrived.notify_all()
        return "250 OK"


class SmtpServer:
    """aiosmtpd in a background thread on 127.0.0.1; messages are kept in memory.

    With ``maildir``, each message is also written there as ``NNNNN.json``
    (``ReceivedMessage.as_json``) for readers in another process.
    """

    def __init__(self, port: int | None = None, *, maildir: Path | None = None):
        if maildir is not None:
            maildir.mkdir(parents=True, exist_ok=True)
        self.handler = _Handler(maildir=maildir)
        self.port = port or free_port()
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)

    def start(self) -> "SmtpServer":
        try:
            self.controller.start()
        except Exception as exc:  # noqa: BLE001 - any start failure is reported with its cause
            raise ServiceError(
                f"SMTP-Testserver startet nicht auf Port {self.port}: {exc}"
            ) from exc
        return self

    def stop(self) -> None:
        self.controller.stop()

    @property
    def messages(self) -> list[ReceivedMessage]:
        with self.handler.arrived:
            return list(self.handler.messages)

    def clear(self) -> None:
        with self.handler.arrived:
            self.handler.messages.clear()

    def wait_for(self, count: int, *, timeout: float = 10.0) -> list[ReceivedMessage]:
        """Wait until at least ``count`` messages arrived (no fixed sleep); return them all."""
        deadline = time.monotonic() + timeout
        with self.handler.arrived:
            while len(self.handler.messages) < count:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(
                        f"{len(self.handler.messages)} statt {count} E-Mails "
                        f"innerhalb von {timeout:.0f} s empfangen."
                    )
                self.handler.arrived.wait(remaining)
            return list(self.handler.messages)

    def to(self, address: str) -> list[ReceivedMessage]:
        """Messages whose envelope names this recipient."""
        return [m for m in self.messages if address in m.envelope_to]
