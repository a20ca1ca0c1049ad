import { Island } from "@/components/islands/island";
import { inAppHintLabels } from "./labels";

/**
 * The in-app browser hint (components/islands/in-app-hint.ts): each app's
 * wording translated and marked up here, all hidden, so the page is the same
 * for every reader; the island keeps the one for the browser it runs in.
 */
export async function InAppHint() {
  const { label, text } = await inAppHintLabels();
  return (
    <Island name="in-app-hint" props={null}>
      <aside hidden role="note" aria-label={label} className="my-4 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm" data-testid="in-app-hint" data-in-app-hint>
        {Object.entries(text).map(([app, words]) => (
          <p key={app} hidden data-app={app}>
            {words}
          </p>
        ))}
      </aside>
    </Island>
  );
}
