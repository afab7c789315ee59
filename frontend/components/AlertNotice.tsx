/** The German page around an alert step: a heading, a text and what to do next. */
import type { ReactNode } from "react";
import { Breadcrumbs } from "./Breadcrumbs";

export function AlertNotice({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <Breadcrumbs items={[{ label: "Benachrichtigungen" }]} />
      <header className="page-header container">
        <h1>{title}</h1>
      </header>
      <div className="container prose">{children}</div>
    </>
  );
}
