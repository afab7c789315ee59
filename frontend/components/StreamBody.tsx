/** Renders a page body of StreamField blocks; rich text arrives sanitised from the API. */
import { tableShape } from "@/lib/mapping";
import type { Demand, StreamBlock, TableValue } from "@/lib/types";
import { DemandBox } from "./DemandBox";

function Table({ value }: { value: TableValue }) {
  const table = tableShape(value);
  const [head, ...rest] = table.headerRow ? table.rows : [undefined, ...table.rows];
  return (
    <div className="table-wrap">
      <table>
        {table.caption ? <caption>{table.caption}</caption> : null}
        {head ? (
          <thead>
            <tr>
              {head.map((cell, i) => (
                <th key={i} scope="col">
                  {cell}
                </th>
              ))}
            </tr>
          </thead>
        ) : null}
        <tbody>
          {rest.map((row, r) =>
            row ? (
              <tr key={r}>
                {row.map((cell, c) =>
                  c === 0 && table.headerColumn ? (
                    <th key={c} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={c}>{cell}</td>
                  ),
                )}
              </tr>
            ) : null,
          )}
        </tbody>
      </table>
    </div>
  );
}

function html(value: unknown): string {
  return typeof value === "string" ? value : "";
}

export function StreamBody({ blocks, synopsis = false }: { blocks: StreamBlock[]; synopsis?: boolean }) {
  let demandNumber = 0;
  const references = blocks.filter((b) => b.type === "reference");
  return (
    <div className="body">
      {blocks.map((block, index) => {
        const key = block.id ?? `${block.type}-${index}`;
        switch (block.type) {
          case "heading": {
            const v = block.value as { text: string; level?: string };
            return v.level === "h3" ? <h3 key={key}>{v.text}</h3> : <h2 key={key}>{v.text}</h2>;
          }
          case "paragraph":
            return <div key={key} className="prose" dangerouslySetInnerHTML={{ __html: html(block.value) }} />;
          case "quote": {
            const v = block.value as { text: string; attribution?: string };
            return (
              <figure key={key} style={{ margin: 0 }}>
                <blockquote>
                  <p>{v.text}</p>
                  {v.attribution ? <footer>— {v.attribution}</footer> : null}
                </blockquote>
              </figure>
            );
          }
          case "table":
            return <Table key={key} value={block.value as TableValue} />;
          case "demand":
            demandNumber += 1;
            return <DemandBox key={key} demand={block.value as Demand} number={demandNumber} compact={synopsis} />;
          case "reference":
            return null;
          default:
            return null;
        }
      })}
      {references.length ? (
        <section className="references" aria-labelledby="quellen">
          <h2 id="quellen" style={{ fontSize: "1.1rem" }}>
            Quellen
          </h2>
          {references.map((block, index) => {
            const v = block.value as { label: string; text: string; url?: string };
            return (
              <p key={block.id ?? index} className="reference" id={`quelle-${v.label}`}>
                <span className="reference__label">[{v.label}]</span>
                <span>
                  {v.text}
                  {v.url ? (
                    <>
                      {" "}
                      <a href={v.url}>{v.url}</a>
                    </>
                  ) : null}
                </span>
              </p>
            );
          })}
        </section>
      ) : null}
    </div>
  );
}
