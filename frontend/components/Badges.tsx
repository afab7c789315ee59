/** Small labels: the kind of paper, its status, a political level. */
import { levelLabel, paperTypeLabel, statusKind, statusLabel } from "@/lib/mapping";
import type { ChoiceLike } from "@/lib/types";

export function TypeBadge({ type }: { type: ChoiceLike }) {
  return <span className="badge badge--type">{paperTypeLabel(type)}</span>;
}

/** The status; "aktuell" is only shown where `showCurrent` asks for it. */
export function StatusBadge({ status, showCurrent = false }: { status: ChoiceLike; showCurrent?: boolean }) {
  const kind = statusKind(status);
  if (kind === "current" && !showCurrent) return null;
  return <span className={`badge badge--${kind}`}>{statusLabel(status)}</span>;
}

export function LevelBadge({ level }: { level: ChoiceLike | null | undefined }) {
  if (!level) return null;
  return <span className="badge badge--level">{levelLabel(level)}</span>;
}
