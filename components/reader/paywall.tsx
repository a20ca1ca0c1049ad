import Link from "next/link";

/** Translated by the server parent: the paywall also renders inside GatedBody, a client component. */
export type PaywallLabels = { label: string; heading: string; headingGloss: string | null; signIn: string; subscribe: string };

export function Paywall({ signedIn, articleId, accessNote, labels }: { signedIn: boolean; articleId: number; accessNote: string | null; labels: PaywallLabels }) {
  const next = encodeURIComponent(`/articles/${articleId}`);
  return (
    <section aria-label={labels.label} className="mt-6 rounded-lg border border-brand/40 bg-white p-5 text-center">
      <p className="font-bold">{labels.heading}</p>
      {labels.headingGloss && <p className="mt-1 text-sm text-muted">{labels.headingGloss}</p>}
      {accessNote && <p className="mt-3 text-sm">{accessNote}</p>}
      <p className="mt-4 flex flex-wrap justify-center gap-3">
        {!signedIn && (
          <Link href={`/login?next=${next}`} className="rounded border border-brand px-4 py-2 text-brand hover:bg-brand hover:text-white">
            {labels.signIn}
          </Link>
        )}
        <Link href="/subscribe" className="rounded bg-brand px-4 py-2 text-white hover:bg-brand-dark">
          {labels.subscribe}
        </Link>
      </p>
    </section>
  );
}
