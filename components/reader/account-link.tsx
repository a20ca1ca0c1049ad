"use client";

import Link from "next/link";
import { useEffect, useState } from "react";

type Me = { signedIn: boolean; staff?: boolean };

/**
 * The only per-user part of the shared chrome. It asks for the session after
 * load, so the pages around it stay cacheable for everyone.
 */
/** Labels come from the server parent, so no message catalog ships to the browser. */
export function AccountLink({ labels }: { labels: { signIn: string; admin: string; account: string } }) {
  const [me, setMe] = useState<Me | undefined>(undefined);

  useEffect(() => {
    let live = true;
    fetch("/api/me", { credentials: "same-origin", cache: "no-store" })
      .then((r) => (r.ok ? r.json() : { signedIn: false }))
      .then((m: Me) => live && setMe(m))
      .catch(() => live && setMe({ signedIn: false }));
    return () => {
      live = false;
    };
  }, []);

  if (me === undefined) return <span className="inline-block w-16" aria-hidden />;
  if (!me.signedIn) {
    return (
      <Link href="/login" className="rounded border border-brand px-3 py-1 text-brand hover:bg-brand hover:text-white">
        {labels.signIn}
      </Link>
    );
  }
  return (
    <span className="flex items-center gap-3">
      {me.staff && (
        <Link href="/admin" className="hover:text-brand">
          {labels.admin}
        </Link>
      )}
      <Link href="/account" className="rounded bg-brand px-3 py-1 text-white hover:bg-brand-dark">
        {labels.account}
      </Link>
    </span>
  );
}
