import { Island } from "@/components/islands/island";
import type { GatedBodyLabels } from "@/components/islands/gated-body";

export type { GatedBodyLabels };

/**
 * The rest of a gated article, fetched for this reader by the gated-body
 * island (components/islands/gated-body.ts) from the access-checked body API.
 * The page holds only the loading state, so it stays the same for everyone.
 */
export function GatedBody({ articleId, title, labels }: { articleId: number; title: string; labels: GatedBodyLabels }) {
  return (
    <Island name="gated-body" props={{ articleId, title, labels }}>
      <div aria-busy="true" aria-live="polite" className="mt-2 space-y-3" data-testid="body-loading">
        <span className="sr-only">{labels.loading}</span>
        {[100, 96, 90, 70].map((w) => (
          <div key={w} className="h-4 animate-pulse rounded bg-stone-200" style={{ width: `${w}%` }} />
        ))}
      </div>
    </Island>
  );
}
