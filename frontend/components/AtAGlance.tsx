/** "Auf einen Blick": the verdict and up to three key demands, first on every paper. */
export function AtAGlance({ verdict, demands }: { verdict: string; demands: string[] }) {
  if (!verdict && !demands.length) return null;
  return (
    <section className="glance" aria-labelledby="auf-einen-blick">
      <h2 id="auf-einen-blick">Auf einen Blick</h2>
      {verdict ? <p className="glance__verdict">{verdict}</p> : null}
      {demands.length ? (
        <>
          <p className="visually-hidden">Kernforderungen:</p>
          <ol>
            {demands.map((demand) => (
              <li key={demand}>{demand}</li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
