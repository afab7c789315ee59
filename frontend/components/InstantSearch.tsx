"use client";
/**
 * Progressive enhancement for the search form: results follow the query as you type and
 * facets apply when ticked. Without JavaScript the form's buttons submit it as usual.
 */
import { useEffect } from "react";
import { usePathname, useRouter } from "next/navigation";

export function InstantSearch({ formId }: { formId: string }) {
  const router = useRouter();
  const pathname = usePathname();
  useEffect(() => {
    const form = document.getElementById(formId) as HTMLFormElement | null;
    if (!form) return;
    let timer: number | undefined;
    const go = () => {
      const params = new URLSearchParams();
      for (const [key, value] of new FormData(form).entries()) {
        if (typeof value === "string" && value.trim() !== "") params.append(key, value);
      }
      const qs = params.toString();
      router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    };
    const onInput = (event: Event) => {
      const target = event.target as HTMLInputElement;
      if (target.name !== "q") return;
      window.clearTimeout(timer);
      timer = window.setTimeout(go, 350);
    };
    const onChange = (event: Event) => {
      const target = event.target as HTMLInputElement;
      if (target.type === "checkbox") go();
    };
    // Facet checkboxes live outside the <form> element (form="…"), so listen on the document.
    document.addEventListener("input", onInput);
    document.addEventListener("change", onChange);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener("input", onInput);
      document.removeEventListener("change", onChange);
    };
  }, [formId, pathname, router]);
  return null;
}
