/** Page links (first, last, a window around the current page); plain links, no JavaScript. */
import Link from "next/link";
import { pageWindow } from "@/lib/mapping";

export function Pagination({
  page,
  totalPages,
  hrefFor,
}: {
  page: number;
  totalPages: number;
  hrefFor: (page: number) => string;
}) {
  if (totalPages <= 1) return null;
  return (
    <nav className="pagination" aria-label="Seitennavigation">
      <ul>
        {page > 1 ? (
          <li>
            <Link prefetch={false} href={hrefFor(page - 1)} rel="prev">
              ‹ Zurück
            </Link>
          </li>
        ) : null}
        {pageWindow(page, totalPages).map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`}>
              <span className="gap" aria-hidden="true">
                …
              </span>
            </li>
          ) : (
            <li key={p}>
              {p === page ? (
                <span aria-current="page">
                  <span className="visually-hidden">Seite </span>
                  {p}
                </span>
              ) : (
                <Link prefetch={false} href={hrefFor(p)}>
                  <span className="visually-hidden">Seite </span>
                  {p}
                </Link>
              )}
            </li>
          ),
        )}
        {page < totalPages ? (
          <li>
            <Link prefetch={false} href={hrefFor(page + 1)} rel="next">
              Weiter ›
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
