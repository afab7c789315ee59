/** Site footer: the association, the site's sections, service links and feeds. */
import Link from "next/link";
import { FOOTER_LINKS, NAVIGATION, ROUTES, SITE, publicApiBaseUrl } from "@/lib/site";

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container">
        <div className="site-footer__grid">
          <section aria-labelledby="footer-about">
            <h2 id="footer-about">{SITE.legalName}</h2>
            <p>
              Das Netzwerk der IT-Wirtschaft in Sachsen, Sachsen-Anhalt und Thüringen. Unsere
              Arbeitskreise erarbeiten Positionen für Politik und Verwaltung.
            </p>
          </section>
          <nav aria-labelledby="footer-sections">
            <h2 id="footer-sections">Inhalte</h2>
            <ul>
              {NAVIGATION.map((item) => (
                <li key={item.href}>
                  <Link href={item.href}>{item.label}</Link>
                </li>
              ))}
              <li>
                <Link href={ROUTES.search}>Suche</Link>
              </li>
            </ul>
          </nav>
          <nav aria-labelledby="footer-service">
            <h2 id="footer-service">Service</h2>
            <ul>
              {FOOTER_LINKS.map((item) => (
                <li key={item.href}>
                  {item.href.endsWith(".atom") ? (
                    <a href={item.href} type="application/atom+xml">
                      {item.label} aller Positionen
                    </a>
                  ) : (
                    <Link href={item.href}>{item.label}</Link>
                  )}
                </li>
              ))}
              <li>
                <a href={`${publicApiBaseUrl()}/api/v1/docs/`}>Offene Schnittstelle (API)</a>
              </li>
            </ul>
          </nav>
          <section aria-labelledby="footer-contact">
            <h2 id="footer-contact">Kontakt</h2>
            <p>
              {SITE.address.slice(1).map((line) => (
                <span key={line}>
                  {line}
                  <br />
                </span>
              ))}
              <a href={`mailto:${SITE.email}`}>{SITE.email}</a>
            </p>
          </section>
        </div>
        <p className="site-footer__bottom">
          © {SITE.legalName} – Inhalte dürfen mit Quellenangabe und Zitier-ID zitiert werden.
        </p>
      </div>
    </footer>
  );
}
