/** Renders a page body of StreamField blocks; rich text arrives sanitised from the API. */
import type { BodyBlock, TableValue } from "@/lib/types";
import { DemandBox } from "./DemandBox";

function Table({ value }: { value: TableValue }) {
  const [head, ...rest] = value.first_row_is_header ? value.rows : [undefined, ...value.rows];
  return (
    <div className="table-wrap">
      <table>
        {value.caption ? <caption>{value.caption}</caption> : null}
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
                  c === 0 && value.first_column_is_header ? (
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

export function StreamBody({ blocks, synopsis = false }: { blocks: BodyBlock[]; synopsis?: boolean }) {
  let demandNumber = 0;
  const references = blocks.flatMap((b) => (b.type === "reference" ? [b] : []));
  return (
    <div className="body">
      {blocks.map((block) => {
        switch (block.type) {
          case "heading":
            return block.value.level === "h3" ? (
              <h3 key={block.id}>{block.value.text}</h3>
            ) : (
              <h2 key={block.id}>{block.value.text}</h2>
            );
          case "paragraph":
            return <div key={block.id} className="prose" dangerouslySetInnerHTML={{ __html: block.value }} />;
          case "quote":
            return (
              <figure key={block.id} style={{ margin: 0 }}>
                <blockquote>
                  <p>{block.value.text}</p>
                  {block.value.attribution ? <footer>— {block.value.attribution}</footer> : null}
                </blockquote>
              </figure>
            );
          case "table":
            return <Table key={block.id} value={block.value} />;
          case "demand":
            demandNumber += 1;
            return <DemandBox key={block.id} demand={block.value} number={demandNumber} compact={synopsis} />;
          default:
            return null;
        }
      })}
      {references.length ? (
        <section className="references" aria-labelledby="quellen">
          <h2 id="quellen" style={{ fontSize: "1.1rem" }}>
            Quellen
          </h2>
          {references.map(({ id, value }) => (
            <p key={id} className="reference" id={`quelle-${value.label}`}>
              <span className="reference__label">[{value.label}]</span>
              <span>
                {value.text}
                {value.url ? (
                  <>
                    {" "}
                    <a href={value.url}>{value.url}</a>
                  </>
                ) : null}
              </span>
            </p>
          ))}
        </section>
      ) : null}
    </div>
  );
}
