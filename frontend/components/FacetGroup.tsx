/** One facet of the search: checkboxes with counts; long lists fold away behind "more". */
import type { FacetValue } from "@/lib/types";

const VISIBLE = 8;

function FacetOption({ name, formId, value, checked }: { name: string; formId: string; value: FacetValue; checked: boolean }) {
  const id = `facet-${name}-${value.value}`.replace(/[^a-zA-Z0-9_-]/g, "-");
  return (
    <li>
      <label htmlFor={id}>
        <input id={id} type="checkbox" name={name} value={value.value} form={formId} defaultChecked={checked} />
        <span>{value.label}</span>
        <span className="facet__count">
          {value.count}
          <span className="visually-hidden"> Treffer</span>
        </span>
      </label>
    </li>
  );
}

export function FacetGroup({
  name,
  label,
  values,
  selected,
  formId,
}: {
  name: string;
  label: string;
  values: FacetValue[];
  selected: string[];
  formId: string;
}) {
  // Selected values stay visible even when the current result has no hit for them.
  const known = new Set(values.map((v) => v.value));
  const all = [...values, ...selected.filter((s) => !known.has(s)).map((s) => ({ value: s, label: s, count: 0 }))];
  if (!all.length) return null;
  const pinned = all.filter((v, i) => i < VISIBLE || selected.includes(v.value));
  const rest = all.filter((v, i) => i >= VISIBLE && !selected.includes(v.value));
  return (
    <fieldset className="facet">
      <legend>{label}</legend>
      <ul>
        {pinned.map((v) => (
          <FacetOption key={v.value} name={name} formId={formId} value={v} checked={selected.includes(v.value)} />
        ))}
      </ul>
      {rest.length ? (
        <details>
          <summary>Weitere {rest.length} anzeigen</summary>
          <ul>
            {rest.map((v) => (
              <FacetOption key={v.value} name={name} formId={formId} value={v} checked={false} />
            ))}
          </ul>
        </details>
      ) : null}
    </fieldset>
  );
}
