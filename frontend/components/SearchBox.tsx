/** A search form (GET /suche/) with an autocompleting field. */
import { ROUTES } from "@/lib/site";
import { SearchInput } from "./SearchInput";

export function SearchBox({
  id,
  label,
  hideLabel = false,
  defaultValue,
  placeholder,
}: {
  id: string;
  label: string;
  hideLabel?: boolean;
  defaultValue?: string;
  placeholder?: string;
}) {
  return (
    <form action={ROUTES.search} method="get" className="search-form">
      <label htmlFor={id} className={hideLabel ? "visually-hidden" : undefined}>
        {label}
      </label>
      <div className="search-field">
        <SearchInput id={id} defaultValue={defaultValue} placeholder={placeholder} />
        <button type="submit" className="button">
          Suchen
        </button>
      </div>
    </form>
  );
}
