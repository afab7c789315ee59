/** All demands side by side as a synopsis table (article, current wording, proposal, rationale). */
import type { Demand } from "@/lib/types";

export function DemandSynopsis({ demands }: { demands: Demand[] }) {
  if (!demands.length) return null;
  return (
    <section aria-labelledby="synopse" className="section">
      <h2 id="synopse">Synopse der Forderungen</h2>
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="synopse">
        <table className="synopsis">
          <colgroup>
            <col className="synopsis__nr" />
            <col className="synopsis__ref" />
            <col />
            <col />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Nr.</th>
              <th scope="col">Artikel / Paragraf</th>
              <th scope="col">Geltende bzw. geplante Fassung</th>
              <th scope="col">Unser Änderungsvorschlag</th>
              <th scope="col">Begründung</th>
            </tr>
          </thead>
          <tbody>
            {demands.map((demand, index) => (
              <tr key={demand.id} id={`forderung-${index + 1}`}>
                <th scope="row">{index + 1}</th>
                <td data-label="Artikel / Paragraf">{demand.reference || "–"}</td>
                <td data-label="Geltende bzw. geplante Fassung">{demand.current_wording || "–"}</td>
                <td data-label="Unser Änderungsvorschlag">{demand.proposed_change}</td>
                <td data-label="Begründung">{demand.rationale || "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
