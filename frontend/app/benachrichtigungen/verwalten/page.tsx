/** Every alert of one address (signed link): list them, delete one or all (right to erasure). */
import type { Metadata } from "next";
import { connection } from "next/server";
import { AlertNotice } from "@/components/AlertNotice";
import { TokenActionForm } from "@/components/TokenActionForm";
import { api } from "@/lib/api";

export const metadata: Metadata = { title: "Benachrichtigungen verwalten", robots: { index: false } };

export default async function ManagePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const { token, geloescht } = await searchParams;
  const overview = typeof token === "string" && token ? await api.subscriptionsOf(token) : null;
  if (!overview || typeof token !== "string") {
    return (
      <AlertNotice title="Benachrichtigungen verwalten">
        <p role="status">Dieser Link ist ungültig oder abgelaufen. Jede Benachrichtigung enthält einen neuen.</p>
      </AlertNotice>
    );
  }
  return (
    <AlertNotice title="Benachrichtigungen verwalten">
      {geloescht ? <p role="status">Gelöscht.</p> : null}
      <p>Benachrichtigungen an {overview.email}:</p>
      {overview.subscriptions.length ? (
        <>
          <ul>
            {overview.subscriptions.map((s) => (
              <li key={s.id}>
                {s.topic} – {s.frequency.label}
                {s.confirmed ? "" : " (noch nicht bestätigt)"}{" "}
                <TokenActionForm action="loeschen" token={token} id={String(s.id)} label="Löschen" />
              </li>
            ))}
          </ul>
          <TokenActionForm action="alle-loeschen" token={token} label="Alle löschen" />
        </>
      ) : (
        <p>Für diese Adresse ist nichts gespeichert.</p>
      )}
    </AlertNotice>
  );
}
