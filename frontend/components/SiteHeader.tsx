/** Site header: logo, claim, search field and main navigation. */
import Link from "next/link";
import { SITE } from "@/lib/site";
import { Logo } from "./Logo";
import { NavLinks } from "./NavLinks";
import { SearchBox } from "./SearchBox";

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="container site-header__bar">
        <Link href="/" className="brand">
          <Logo className="brand__mark" />
          <span className="brand__text">
            <span className="brand__name">{SITE.name}</span>
            <span className="brand__claim">Positionen · Stellungnahmen · Forderungen</span>
          </span>
        </Link>
        <div className="header-search" role="search" aria-label="Website durchsuchen">
          <SearchBox id="header-search" label="Suche" hideLabel placeholder="Positionen durchsuchen" />
        </div>
      </div>
      <nav className="site-nav" aria-label="Hauptnavigation">
        <div className="container">
          <NavLinks />
        </div>
      </nav>
    </header>
  );
}
