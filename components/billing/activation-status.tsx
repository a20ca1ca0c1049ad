"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

type State = "active" | "pending" | "delayed" | "failed" | "unknown";

const POLL_MS = 2_000;
const GIVE_UP_MS = 3 * 60_000;

/**
 * Shows "payment received, activating…" and asks the portal every two seconds
 * whether the webhook has granted access. Closing the tab changes nothing: the
 * webhook grants access either way.
 */
export function ActivationStatus({ sessionId }: { sessionId: string }) {
  const t = useTranslations("account.activation");
  const [state, setState] = useState<State>("pending");
  const [timedOut, setTimedOut] = useState(false);

  useEffect(() => {
    let live = true;
    const started = Date.now();
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      const next: State = await fetch(`/api/billing/checkout-status?session_id=${encodeURIComponent(sessionId)}`, { cache: "no-store" })
        .then((r) => r.json())
        .then((b) => b.state as State)
        .catch(() => "pending");
      if (!live) return;
      setState(next);
      if (next === "active" || next === "failed" || next === "unknown") return;
      if (Date.now() - started > GIVE_UP_MS) return setTimedOut(true);
      timer = setTimeout(poll, POLL_MS);
    };
    poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [sessionId]);

  if (state === "active") {
    return (
      <div role="status" className="space-y-3">
        <p className="text-xl font-bold text-green-800">{t("active")}</p>
        {t("activeEnglish") ? <p className="text-sm text-muted">{t("activeEnglish")}</p> : null}
        <p className="flex gap-4">
          <Link href="/" className="rounded bg-brand px-4 py-2 text-white">{t("readToday")}</Link>
          <Link href="/account" className="rounded border border-brand px-4 py-2 text-brand">{t("account")}</Link>
        </p>
      </div>
    );
  }
  if (state === "failed") {
    return <p role="alert">{t.rich("failed", { link: (chunks) => <Link href="/subscribe" className="text-brand underline">{chunks}</Link> })}</p>;
  }
  if (state === "unknown") {
    return <p role="alert">{t.rich("unknown", { link: (chunks) => <Link href="/account" className="text-brand underline">{chunks}</Link> })}</p>;
  }
  return (
    <div role="status" aria-live="polite" className="space-y-2">
      <p className="text-xl font-bold">{t("pending")}</p>
      {t("pendingEnglish") ? <p className="text-sm text-muted">{t("pendingEnglish")}</p> : null}
      {state === "delayed" && <p className="text-sm">{t("delayed")}</p>}
      {timedOut && <p className="text-sm">{t("timedOut")}</p>}
    </div>
  );
}
