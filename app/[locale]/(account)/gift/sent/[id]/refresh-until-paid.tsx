"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Payment is confirmed by the webhook; until then the page re-renders every two seconds. */
export function RefreshUntilPaid() {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), 2_000);
    return () => clearInterval(timer);
  }, [router]);
  return (
    <p role="status" aria-live="polite" className="rounded border border-rule bg-white p-3 text-sm">
      正在确认付款…(支付宝、微信支付可能需要几分钟)
    </p>
  );
}
