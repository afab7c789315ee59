/** The e-mails the backend sent during the e2e run, as the SMTP server wrote them (E2E_MAILDIR). */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

/** One received message (tests/services/smtp.py, ReceivedMessage.as_json). */
export interface Mail {
  envelope_from: string;
  envelope_to: string[];
  headers: [string, string][];
  text: string;
  html: string;
}

function maildir(): string {
  const dir = process.env.E2E_MAILDIR;
  if (!dir) throw new Error("E2E_MAILDIR fehlt: die E2E-Tests laufen über tests/e2e/run.py (es startet den SMTP-Server).");
  return dir;
}

/** A header's value, unfolded (a long header starts on its own line: the space is not part of it). */
export function header(mail: Mail, name: string): string | undefined {
  return mail.headers.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1].trim();
}

/** Every message received so far, oldest first (the server numbers its files). */
export async function mails(): Promise<Mail[]> {
  const names = (await readdir(maildir())).filter((name) => name.endsWith(".json")).sort();
  return Promise.all(names.map(async (name) => JSON.parse(await readFile(join(maildir(), name), "utf-8")) as Mail));
}

export async function mailsTo(address: string): Promise<Mail[]> {
  return (await mails()).filter((mail) => mail.envelope_to.includes(address));
}

/** The first mail to `address` whose subject matches, awaited by polling until the deadline. */
export async function awaitMail(address: string, subject: RegExp, timeout = 30_000): Promise<Mail> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const received = await mailsTo(address);
    const mail = received.find((m) => subject.test(header(m, "Subject") ?? ""));
    if (mail) return mail;
    if (Date.now() > deadline) {
      const subjects = received.map((m) => header(m, "Subject")).join(" | ") || "keine";
      throw new Error(`Keine E-Mail an ${address} mit Betreff ${subject} in ${timeout / 1000} s (erhalten: ${subjects}).`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The one link in a mail's text part that matches `pattern`. */
export function linkIn(mail: Mail, pattern: RegExp): string {
  const links = (mail.text.match(/https?:\/\/\S+/g) ?? []).filter((link) => pattern.test(link));
  if (links.length !== 1) throw new Error(`${links.length} Links wie ${pattern} in der E-Mail:\n${mail.text}`);
  return links[0]!;
}
