/** One button that posts a signed link's token to the alert route (no JavaScript needed). */
import { ALERTS_ROUTES } from "@/lib/subscriptions";

export function TokenActionForm({ action, token, label, id }: { action: string; token: string; label: string; id?: string }) {
  return (
    <form method="post" action={ALERTS_ROUTES.action} style={{ display: "inline" }}>
      <input type="hidden" name="aktion" value={action} />
      <input type="hidden" name="token" value={token} />
      {id ? <input type="hidden" name="id" value={id} /> : null}
      <button type="submit" className="button">
        {label}
      </button>
    </form>
  );
}
