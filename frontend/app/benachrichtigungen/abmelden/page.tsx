/** The unsubscribe link of an alert: one button unsubscribes. */
import type { Metadata } from "next";
import { connection } from "next/server";
import { AlertNotice } from "@/components/AlertNotice";
import { TokenActionForm } from "@/components/TokenActionForm";

export const metadata: Metadata = { title: "Benachrichtigung abbestellen", robots: { index: false } };

export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // Per request: a page with a token in its query must never be kept for the next visitor.
  await connection();
  const { token } = await searchParams;
  return (
    <AlertNotice title="Benachrichtigung abbestellen">
      {typeof token === "string" && token ? (
        <>
          <p>Möchten Sie zu diesem Thema keine E-Mails mehr erhalten?</p>
          <TokenActionForm action="abmelden" token={token} label="Abmelden" />
        </>
      ) : (
        <p role="status">Dieser Link ist unvollständig. Bitte öffnen Sie den Link aus der E-Mail.</p>
      )}
    </AlertNotice>
  );
}
