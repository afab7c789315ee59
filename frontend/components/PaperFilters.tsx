/** The filter form of the paper list: plain GET parameters, so every state is a shareable URL. */
import Link from "next/link";
import { levelEnumValues, stateEnumValues } from "@/lib/api-schema";
import { PAPER_ORDERINGS, type PaperListState, byChoiceOrder, groupBy } from "@/lib/mapping";
import { ROUTES } from "@/lib/site";
import type { Addressee, RegulatoryProject, Tag, WorkingGroupListItem } from "@/lib/types";
import { type Option, SelectField } from "./SelectField";

/** Addressees grouped as EU, Bund, each Land (Landtage and ministries), Kommune. */
export function addresseeGroups(addressees: Addressee[]): [string, Option[]][] {
  const ordered = [...addressees]
    .sort(byChoiceOrder(stateEnumValues, (a) => a.state?.value))
    .sort(byChoiceOrder(levelEnumValues, (a) => a.level.value));
  return groupBy(ordered, (a) => (a.level.value === "Land" && a.state ? a.state.label : a.level.label)).map(
    ([label, items]) => [label, items.map((a) => ({ value: a.slug, label: a.short_name || a.name }))],
  );
}

export function PaperFilters({
  state,
  groups,
  tags,
  addressees,
  projects,
  paperTypes,
  levels,
  years,
}: {
  state: PaperListState;
  groups: WorkingGroupListItem[];
  tags: Tag[];
  addressees: Addressee[];
  projects: RegulatoryProject[];
  paperTypes: Option[];
  levels: Option[];
  years: string[];
}) {
  return (
    <form className="filters" action={ROUTES.papers} method="get" aria-labelledby="filter-title">
      <h2 id="filter-title">Filtern</h2>
      <div className="filters__grid">
        <SelectField id="f-arbeitskreis" name="arbeitskreis" label="Arbeitskreis" value={state.arbeitskreis} options={groups.map((g) => ({ value: g.slug, label: g.name }))} />
        <SelectField id="f-art" name="art" label="Art" value={state.art} options={paperTypes} />
        <SelectField id="f-ebene" name="ebene" label="Politische Ebene" value={state.ebene} options={levels} />
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
