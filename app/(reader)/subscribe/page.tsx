import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "订阅" };

/** Until online payment is configured, readers learn how to subscribe through the paper. */
export default function SubscribePage() {
  return (
    <div className="mx-auto max-w-2xl space-y-4 py-6">
      <h1 className="font-serif text-3xl font-bold">订阅财信报数字报</h1>
      <p>订阅后可阅读每期全部文章、查看全部版面。Subscribers read every article and every page.</p>
      <div className="rounded-lg border border-rule bg-white p-5">
        <p className="font-bold">在线支付尚未配置</p>
        <p className="mt-1 text-sm text-muted">
          请致电本报订阅热线 <a href="tel:+864713122969" className="text-brand underline">(0471) 3122969</a> 办理订阅。Online payment is not set up yet; please call the paper.
        </p>
      </div>
      <p className="text-sm">
        已是订阅用户?<Link href="/login?next=/" className="text-brand underline">登录</Link>
      </p>
    </div>
  );
}
