/** One structured demand, set apart from the text: article, current wording, change, rationale. */
import type { Demand, DemandValue } from "@/lib/types";

/** `compact`: only article and proposal; the synopsis table further down has the rest. */
export function DemandBox({ demand, number, compact = false }: { demand: Demand | DemandValue; number: number; compact?: boolean }) {
  return (
    <aside className="demand" aria-label={`Forderung ${number}`}>
      <p className="demand__title">
        <span>Forderung {number}</span>
        {demand.reference ? <span className="demand__ref">{demand.reference}</span> : null}
      </p>
      <p className="demand__change">{demand.proposed_change}</p>
      {compact ? (
        <p className="demand__more no-print">
          <a href={`#forderung-${number}`}>Geltende Fassung und Begründung in der Synopse</a>
        </p>
      ) : demand.current_wording || demand.rationale ? (
        <dl>
          {demand.current_wording ? (
            <>
              <dt>Geltende bzw. geplante Fassung</dt>
              <dd>{demand.current_wording}</dd>
            </>
          ) : null}
          {demand.rationale ? (
            <>
              <dt>Begründung</dt>
              <dd>{demand.rationale}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
    </aside>
  );
}
