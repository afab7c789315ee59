/** An editor's preview of a draft: the page type's view over the API's preview payload. */
import type { Metadata } from "next";
import { draftMode } from "next/headers";
import { PageSwitch } from "@/components/PageSwitch";
import { ApiError, api } from "@/lib/api";
import { canonical } from "@/lib/metadata";
import { type SearchParamsInput, first } from "@/lib/mapping";
import { loadPreview } from "@/lib/pages";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Vorschau", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<SearchParamsInput> };

function Problem({ title, detail }: { title: string; detail: string }) {
  return (
    <div className="container error-page">
      <p className="error-page__code">Vorschau</p>
      <h1>{title}</h1>
      <p>{detail}</p>
    </div>
  );
}

export default async function PreviewPage({ searchParams }: Props) {
  const params = await searchParams;
  const token = first(params, "token");
  const contentType = first(params, "content_type");
  const draft = await draftMode();
  if (!token) return <Problem title="Keine Vorschau angefordert" detail="Öffnen Sie die Vorschau aus dem Redaktionssystem." />;
  let payload;
  try {
    payload = await api.preview(token, contentType || undefined);
  } catch (error) {
    if (error instanceof ApiError && [400, 401, 403, 404].includes(error.status)) {
      return (
        <Problem
          title="Vorschau nicht mehr gültig"
          detail="Der Vorschau-Link ist abgelaufen oder ungültig. Öffnen Sie die Vorschau im Redaktionssystem erneut."
        />
      );
    }
    throw error;
  }
  const page = await loadPreview(payload);
  if (!page) return <Problem title="Keine Vorschau für diesen Seitentyp" detail={`Seitentyp: ${payload.type}`} />;
  return (
    <>
      <div className="container">
        <div className="notice notice--draft" role="note">
          <p>
            <strong>Vorschau eines Entwurfs.</strong> Diese Fassung ist nicht veröffentlicht
            {draft.isEnabled ? "" : " (Vorschaumodus nicht aktiv)"}.
          </p>
        </div>
      </div>
      <PageSwitch page={page} canonicalUrl={canonical(page.path)} />
    </>
  );
}
