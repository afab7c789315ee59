/** The result of an alert form: what happened, in German. */
import type { Metadata } from "next";
import Link from "next/link";
import { AlertNotice } from "@/components/AlertNotice";
import { RESULT_MESSAGES } from "@/lib/subscriptions";

export const metadata: Metadata = { title: "Benachrichtigungen", robots: { index: false } };

export default async function AlertResultPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { status } = await searchParams;
  const message = RESULT_MESSAGES[typeof status === "string" ? status : ""] ?? RESULT_MESSAGES.fehler!;
  return (
    <AlertNotice title={message.title}>
      <p role="status">{message.text}</p>
      <p>
        <Link href="/">Zur Startseite</Link>
      </p>
    </AlertNotice>
  );
}
