/** One table of demand outcomes: a row per working group, year or level, a column per outcome. */
import type { ImpactCounts } from "@/lib/types";

export function ImpactTable({ id, title, rows }: { id: string; title: string; rows: { label: string; counts: ImpactCounts }[] }) {
  const outcomes = rows[0]?.counts.outcomes;
  if (!outcomes) return null;
  return (
    <section className="section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={id}>
        <table>
          <thead>
            <tr>
              <th scope="col">{title}</th>
              <th scope="col">Forderungen</th>
              {outcomes.map((o) => (
                <th scope="col" key={o.status.value}>
                  {o.status.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                <td>{row.counts.demands}</td>
                {row.counts.outcomes.map((o) => (
                  <td key={o.status.value}>{o.count}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
