/** "Was wurde daraus?": the outcome editors recorded for each demand, with its evidence. */
import { formatDate } from "@/lib/format";
import type { Demand } from "@/lib/types";

export function DemandImpacts({ demands }: { demands: Demand[] }) {
  const recorded = demands.map((demand, index) => ({ demand, nr: index + 1 })).filter(({ demand }) => demand.impact);
  if (!recorded.length) return null;
  return (
    <section className="section" aria-labelledby="wirkung">
      <h2 id="wirkung">Was wurde daraus?</h2>
      <ul className="impact-list">
        {recorded.map(({ demand, nr }) => {
          const impact = demand.impact!;
          return (
            <li key={demand.id} className={`impact impact--${impact.status.value}`}>
              <p>
                <strong>Forderung {nr}:</strong> {demand.proposed_change}
              </p>
              <p>
                <span className="badge">{impact.status.label}</span>
                {impact.decided_on ? <> am {formatDate(impact.decided_on)}</> : null}
              </p>
              {impact.printed_paper || impact.dip_url ? (
                <p className="small">
                  Beleg: {impact.dip_url ? <a href={impact.dip_url}>Drucksache {impact.printed_paper || "im DIP"}</a> : <>Drucksache {impact.printed_paper}</>}
                </p>
              ) : null}
              {impact.law_text ? <blockquote className="small">{impact.law_text}</blockquote> : null}
              {impact.note ? <p className="small muted">{impact.note}</p> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
