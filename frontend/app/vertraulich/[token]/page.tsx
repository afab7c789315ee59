/**
 * A draft shared with one named outsider: the paper view over the API's shared-draft payload,
 * marked confidential. Rendered per request and never cached (the answer is one person's);
 * an expired, revoked or unknown link gets a plain German explanation instead.
 */
import type { Metadata } from "next";
import { PageSwitch } from "@/components/PageSwitch";
import { SharedDraftNotice } from "@/components/SharedDraftNotice";
import { ApiError, api } from "@/lib/api";
import { canonical } from "@/lib/metadata";
import { loadPreview } from "@/lib/pages";

export const dynamic = "force-dynamic";

// No index, and no Referer to linked sites: the address itself is the key to the draft.
export const metadata: Metadata = {
  title: "Vertraulicher Entwurf",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

type Props = { params: Promise<{ token: string }> };

function LinkProblem({ title, detail }: { title: string; detail: string }) {
  return (
    <div className="container error-page">
      <p className="error-page__code">Vertraulicher Link</p>
      <h1>{title}</h1>
      <p>{detail}</p>
    </div>
  );
}

export default async function SharedDraftPage({ params }: Props) {
  const { token } = await params;
  let draft;
  try {
    draft = await api.sharedDraft(token);
  } catch (error) {
    if (error instanceof ApiError && error.status === 410) {
      return (
        <LinkProblem
          title="Dieser Link ist abgelaufen oder wurde zurückgezogen."
          detail="Der Entwurf ist über diesen Link nicht mehr abrufbar. Bitte wenden Sie sich an die Person, die Ihnen den Link geschickt hat."
        />
      );
    }
    if (error instanceof ApiError && error.status === 404) {
      return (
        <LinkProblem
          title="Diesen Link gibt es nicht."
          detail="Bitte prüfen Sie, ob die Adresse vollständig ist, oder wenden Sie sich an die Person, die Ihnen den Link geschickt hat."
        />
      );
    }
    throw error;
  }
  const page = await loadPreview(draft);
  if (!page) return <LinkProblem title="Diesen Link gibt es nicht." detail={`Seitentyp: ${draft.type}`} />;
  return (
    <>
      <SharedDraftNotice share={draft.share} />
      <PageSwitch page={page} canonicalUrl={canonical(page.path)} />
    </>
  );
}
