"use client";

import Link from "next/link";
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
        <p className="text-xl font-bold text-green-800">订阅已生效,欢迎阅读!</p>
        <p className="text-sm text-muted">Your subscription is active.</p>
        <p className="flex gap-4">
          <Link href="/" className="rounded bg-brand px-4 py-2 text-white">阅读今日报纸</Link>
          <Link href="/account" className="rounded border border-brand px-4 py-2 text-brand">我的账户</Link>
        </p>
      </div>
    );
  }
  if (state === "failed") return <p role="alert">支付未成功,没有开通订阅。请<Link href="/subscribe" className="text-brand underline">重新选择支付方式</Link>。</p>;
  if (state === "unknown") return <p role="alert">没有找到这笔支付。如已扣款,请查看<Link href="/account" className="text-brand underline">我的账户</Link>或联系本报。</p>;
  return (
    <div role="status" aria-live="polite" className="space-y-2">
      <p className="text-xl font-bold">已收到付款,正在开通…</p>
      <p className="text-sm text-muted">Payment received, activating your subscription…</p>
      {state === "delayed" && <p className="text-sm">支付宝、微信支付等方式可能需要几分钟确认到账;确认后我们会发邮件通知您,您可以关闭此页面。</p>}
      {timedOut && <p className="text-sm">开通比平时慢。您可以关闭此页面,开通后会收到邮件;也可以稍后在“我的账户”查看。</p>}
    </div>
  );
}
