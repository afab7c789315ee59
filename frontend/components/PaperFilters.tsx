/** The filter form of the paper list: plain GET parameters, so every state is a shareable URL. */
import Link from "next/link";
import { PAPER_ORDERINGS, type PaperListState, groupBy, groupName, levelLabel, stateLabel } from "@/lib/mapping";
import { LEVEL_LABELS, PAPER_TYPE_LABELS, ROUTES } from "@/lib/site";
import type { Addressee, RegulatoryProjectRef, TagWithCount, WorkingGroupListItem } from "@/lib/types";
import { SelectField } from "./SelectField";

const ADDRESSEE_GROUP_ORDER = ["EU", "Bund", "Sachsen", "Sachsen-Anhalt", "Thüringen", "Kommune"];

/** Addressees grouped as EU, Bund, the three Länder (Landtage and ministries), Kommune. */
export function addresseeGroups(addressees: Addressee[]): [string, { value: string; label: string }[]][] {
  const groups = groupBy(addressees, (a) => {
    const level = levelLabel(a.level);
    return level === "Land" ? stateLabel(a.state) || "Land" : level;
  });
  return groups
    .map(([label, items]) => [label, items.map((a) => ({ value: a.slug, label: a.short_name || a.name }))] as [string, { value: string; label: string }[]])
    .sort((a, b) => {
      const ia = ADDRESSEE_GROUP_ORDER.indexOf(a[0]);
      const ib = ADDRESSEE_GROUP_ORDER.indexOf(b[0]);
      return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
    });
}

export function PaperFilters({
  state,
  groups,
  tags,
  addressees,
  projects,
  years,
}: {
  state: PaperListState;
  groups: WorkingGroupListItem[];
  tags: TagWithCount[];
  addressees: Addressee[];
  projects: RegulatoryProjectRef[];
  years: string[];
}) {
  return (
    <form className="filters" action={ROUTES.papers} method="get" aria-labelledby="filter-title">
      <h2 id="filter-title">Filtern</h2>
      <div className="filters__grid">
        <SelectField id="f-arbeitskreis" name="arbeitskreis" label="Arbeitskreis" value={state.arbeitskreis} options={groups.map((g) => ({ value: g.slug, label: groupName(g) }))} />
        <SelectField id="f-art" name="art" label="Art" value={state.art} options={Object.entries(PAPER_TYPE_LABELS).map(([value, label]) => ({ value, label }))} />
        <SelectField id="f-ebene" name="ebene" label="Politische Ebene" value={state.ebene} options={Object.entries(LEVEL_LABELS).map(([value, label]) => ({ value, label }))} />
        <SelectField id="f-adressat" name="adressat" label="Adressat" value={state.adressat} groups={addresseeGroups(addressees)} />
        <SelectField
          id="f-vorhaben"
          name="vorhaben"
          label="Regelungsvorhaben"
          value={state.vorhaben}
          options={projects.map((p) => ({ value: p.slug, label: p.short_title || p.title }))}
        />
        <SelectField
          id="f-schlagwort"
          name="schlagwort"
          label="Schlagwort"
          value={state.schlagwort}
          options={[...tags].sort((a, b) => a.name.localeCompare(b.name, "de")).map((t) => ({ value: t.slug, label: t.name }))}
        />
        <SelectField id="f-jahr" name="jahr" label="Jahr" value={state.jahr} options={years.map((y) => ({ value: y, label: y }))} />
        <SelectField
          id="f-sortierung"
          name="sortierung"
          label="Sortierung"
          value={state.sortierung}
          emptyLabel={PAPER_ORDERINGS.neueste?.label ?? "Neueste zuerst"}
          options={Object.entries(PAPER_ORDERINGS)
            .filter(([key]) => key !== "neueste")
            .map(([value, o]) => ({ value, label: o.label }))}
        />
      </div>
      <div className="filters__field">
        <label className="checkbox" htmlFor="f-archiv">
          <input id="f-archiv" type="checkbox" name="archiv" value="1" defaultChecked={state.archiv} />
          Auch zurückgezogene Papiere zeigen
        </label>
      </div>
      <div className="filters__actions">
        <button type="submit" className="button">
          Filter anwenden
        </button>
        <Link href={ROUTES.papers}>Zurücksetzen</Link>
      </div>
    </form>
  );
}
