/** Renders a loaded Wagtail page with the view of its type. */
import type { LoadedPage } from "@/lib/pages";
import { EventIndexView } from "./views/EventIndexView";
import { EventView } from "./views/EventView";
import { PaperView } from "./views/PaperView";
import { WorkingGroupIndexView } from "./views/WorkingGroupIndexView";
import { WorkingGroupView } from "./views/WorkingGroupView";

export function PageSwitch({ page, canonicalUrl }: { page: LoadedPage; canonicalUrl: string }) {
  switch (page.kind) {
    case "paper":
      return <PaperView paper={page.paper} canonicalUrl={canonicalUrl} />;
    case "group":
      return <WorkingGroupView group={page.group} papers={page.papers} paperCount={page.paperCount} events={page.events} />;
    case "groupIndex":
      return <WorkingGroupIndexView title={page.title} groups={page.groups} />;
    case "event":
      return <EventView event={page.event} />;
    case "eventIndex":
      return <EventIndexView title={page.title} upcoming={page.upcoming} past={page.past} />;
  }
}
