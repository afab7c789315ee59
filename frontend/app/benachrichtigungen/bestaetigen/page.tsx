/** The confirmation link of the double opt-in: one button confirms (a link alone changes nothing). */
import type { Metadata } from "next";
import { connection } from "next/server";
import { AlertNotice } from "@/components/AlertNotice";
import { TokenActionForm } from "@/components/TokenActionForm";

export const metadata: Metadata = { title: "Benachrichtigung bestätigen", robots: { index: false } };

export default async function ConfirmPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // Per request: a page with a token in its query must never be kept for the next visitor.
  await connection();
  const { token } = await searchParams;
  return (
    <AlertNotice title="Benachrichtigung bestätigen">
      {typeof token === "string" && token ? (
        <>
          <p>Bitte bestätigen Sie, dass Sie E-Mails zu dem gewählten Thema erhalten möchten.</p>
          <TokenActionForm action="bestaetigen" token={token} label="Jetzt bestätigen" />
        </>
      ) : (
        <p role="status">Dieser Link ist unvollständig. Bitte öffnen Sie den Link aus der E-Mail.</p>
      )}
    </AlertNotice>
  );
}
