import Link from "next/link";
import { articleReturn, paywallStyles as styles } from "./paywall-styles";

/** Translated by the server parent; the gated-body island draws the same box from the same labels. */
export type PaywallLabels = { label: string; heading: string; headingGloss: string | null; signIn: string; subscribe: string };

export function Paywall({ signedIn, articleId, accessNote, labels }: { signedIn: boolean; articleId: number; accessNote: string | null; labels: PaywallLabels }) {
  return (
    <section aria-label={labels.label} className={styles.box}>
      <p className="font-bold">{labels.heading}</p>
      {labels.headingGloss && <p className="mt-1 text-sm text-muted">{labels.headingGloss}</p>}
      {accessNote && <p className="mt-3 text-sm">{accessNote}</p>}
      <p className={styles.actions}>
        {!signedIn && (
          <Link href={`/login?next=${articleReturn(articleId)}`} className={styles.outline}>
            {labels.signIn}
          </Link>
        )}
        <Link href="/subscribe" className={styles.primary}>
          {labels.subscribe}
        </Link>
      </p>
    </section>
  );
}
