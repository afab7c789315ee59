/** The no-JavaScript endpoint of every alert form: calls the API, then redirects to a German page. */
import { api } from "@/lib/api";
import { ALERTS_ROUTES, resultHref, subscriptionBody } from "@/lib/subscriptions";

function redirect(_request: Request, href: string): Response {
  // 303: the browser follows with a GET, so reloading the result page sends nothing again.
  // A relative Location: behind the proxy request.url names the server's own host and port.
  return new Response(null, { status: 303, headers: { Location: href } });
}

export async function POST(request: Request): Promise<Response> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return redirect(request, resultHref(400, ""));
  }
  const action = form.get("aktion");
  const token = typeof form.get("token") === "string" ? String(form.get("token")) : "";
  if (action === "bestellen") {
    const answer = await api.subscribe(subscriptionBody(form));
    return redirect(request, resultHref(answer.status, "angefragt"));
  }
  if (action === "bestaetigen") {
    const answer = await api.subscriptionConfirm(token);
    return redirect(request, resultHref(answer.status, "bestaetigt"));
  }
  if (action === "abmelden") {
    const answer = await api.unsubscribe(token);
    return redirect(request, resultHref(answer.status, "abgemeldet"));
  }
  if (action === "loeschen" || action === "alle-loeschen") {
    const id = action === "loeschen" ? String(form.get("id") ?? "") : undefined;
    const answer = await api.subscriptionDelete(token, id);
    if (answer.status >= 300) return redirect(request, resultHref(answer.status, ""));
    return redirect(request, `${ALERTS_ROUTES.manage}?token=${encodeURIComponent(token)}&geloescht=1`);
  }
  return redirect(request, resultHref(400, ""));
}
