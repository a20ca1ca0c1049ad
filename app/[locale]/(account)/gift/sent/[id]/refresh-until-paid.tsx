"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect } from "react";

/** Payment is confirmed by the webhook; until then the page re-renders every two seconds. */
export function RefreshUntilPaid() {
  const t = useTranslations("account.gift");
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), 2_000);
    return () => clearInterval(timer);
  }, [router]);
  return (
    <p role="status" aria-live="polite" className="rounded border border-rule bg-white p-3 text-sm">
      {t("confirming")}
    </p>
  );
}
