/** A labelled select of a GET filter form, with optional option groups. */
export interface Option {
  value: string;
  label: string;
}

export function SelectField({
  id,
  name,
  label,
  value,
  options,
  groups,
  emptyLabel = "Alle",
}: {
  id: string;
  name: string;
  label: string;
  value: string;
  options?: Option[];
  groups?: [string, Option[]][];
  emptyLabel?: string;
}) {
  return (
    <div className="filters__field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value}>
        <option value="">{emptyLabel}</option>
        {options?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {groups?.map(([groupLabel, opts]) => (
          <optgroup key={groupLabel} label={groupLabel}>
            {opts.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
