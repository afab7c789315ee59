/** A prominent notice on superseded or withdrawn papers, linking the newer version. */
import Link from "next/link";
import { statusKind } from "@/lib/mapping";
import type { PaperDetail } from "@/lib/types";

export function PaperStatusNotice({ paper }: { paper: Pick<PaperDetail, "status" | "superseded_by"> }) {
  const kind = statusKind(paper.status);
  if (kind === "superseded") {
    return (
      <div className="notice notice--warn" role="note">
        <p>
          <strong>Dieses Papier ist überholt.</strong> Es gibt nicht mehr die aktuelle Position des Verbands wieder.
        </p>
        {paper.superseded_by ? (
          <p>
            Aktuelle Fassung:{" "}
            <Link href={paper.superseded_by.url}>{paper.superseded_by.title}</Link> ({paper.superseded_by.citation_id})
          </p>
        ) : null}
      </div>
    );
  }
  if (kind === "withdrawn") {
    return (
      <div className="notice notice--danger" role="note">
        <p>
          <strong>Dieses Papier wurde zurückgezogen.</strong> Es gibt nicht die Position des Verbands wieder und
          bleibt nur zur Nachvollziehbarkeit abrufbar.
        </p>
      </div>
    );
  }
  return null;
}
