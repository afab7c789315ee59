/** The marking of a draft opened through a confidential share link. */
import { formatDateTime } from "@/lib/format";
import type { SharedDraft } from "@/lib/types";

export function SharedDraftNotice({ share }: { share: SharedDraft["share"] }) {
  return (
    <div className="container">
      <div className="notice notice--draft" role="note">
        <p>
          <strong>Vertraulicher Entwurf – nicht zitieren</strong>
        </p>
        <p>
          Diese Fassung ist nicht veröffentlicht und kann sich noch ändern. Sie wurde {share.recipient_name} (
          {share.recipient_organisation}) persönlich zur Verfügung gestellt; der Link gilt bis {formatDateTime(share.expires_at)}.
        </p>
      </div>
    </div>
  );
}
