/** Small labels: the kind of paper, its status, a political level. */
import { statusKind } from "@/lib/mapping";
import type { LevelChoice, PaperStatusChoice, PaperTypeChoice } from "@/lib/types";

export function TypeBadge({ type }: { type: PaperTypeChoice }) {
  return <span className="badge badge--type">{type.label}</span>;
}

/** The status; "aktuell" is only shown where `showCurrent` asks for it. */
export function StatusBadge({ status, showCurrent = false }: { status: PaperStatusChoice; showCurrent?: boolean }) {
  const kind = statusKind(status);
  if (kind === "current" && !showCurrent) return null;
  return <span className={`badge badge--${kind}`}>{status.label}</span>;
}

export function LevelBadge({ level }: { level: LevelChoice }) {
  return <span className="badge badge--level">{level.label}</span>;
}
