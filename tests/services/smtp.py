"""A real SMTP server on loopback (aiosmtpd) that keeps every message it receives, for mail tests."""

import email
import email.policy
import threading
import time
from dataclasses import dataclass, field
from email.message import EmailMessage

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


@dataclass
class _Handler:
    messages: list[ReceivedMessage] = field(default_factory=list)
    arrived: threading.Condition = field(default_factory=threading.Condition)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        raw = envelope.original_content or envelope.content
        parsed = email.message_from_bytes(raw, policy=email.policy.default)
        with self.arrived:
            self.messages.append(
                ReceivedMessage(
                    envelope_from=envelope.mail_from,
                    envelope_to=list(envelope.rcpt_tos),
                    message=parsed,
                    raw=raw,
                )
            )
            self.arrived.notify_all()
        return "250 OK"


class SmtpServer:
    """aiosmtpd in a background thread on 127.0.0.1; messages are kept in memory."""

    def __init__(self, port: int | None = None):
        self.handler = _Handler()
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
