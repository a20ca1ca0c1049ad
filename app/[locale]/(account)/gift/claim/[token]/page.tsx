import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/access";
import { findGiftByToken } from "@/lib/billing/gifts";
import { ClaimGiftForm } from "../../gift-forms";

export const metadata: Metadata = { title: "领取礼物", referrer: "no-referrer" };

/** The recipient's door: sign in (or sign up), then claim once. */
export default async function ClaimGiftPage({ params }: { params: Promise<{ token: string }> }) {
  const token = (await params).token;
  const gift = await findGiftByToken(token);
  if (!gift) notFound();
  const viewer = await requireViewer(`/gift/claim/${token}`);
  return (
    <div className="mx-auto max-w-lg space-y-4 py-6">
      <h1 className="font-serif text-2xl font-bold">{gift.fromName} 送您一份财信报数字版</h1>
      <p>{gift.planName}({gift.months} 个月)</p>
      {gift.message && <blockquote className="border-l-4 border-brand pl-3 text-muted">{gift.message}</blockquote>}
      {gift.state === "claimable" && (
        <>
          <p className="text-sm">将领取到账户 {viewer.email}。领取后立即可以阅读全部内容;如您已有订阅,礼物会在现有订阅到期后接续。</p>
          <ClaimGiftForm token={token} />
        </>
      )}
      {gift.state === "claimed" && <p role="status">这份礼物已经被领取。</p>}
      {gift.state === "expired" && <p role="status">这份礼物的领取期限已过。</p>}
      {gift.state === "unpaid" && <p role="status">这份礼物尚未完成付款。</p>}
      <Link href="/" className="text-sm text-brand underline">阅读今日报纸</Link>
    </div>
  );
}
