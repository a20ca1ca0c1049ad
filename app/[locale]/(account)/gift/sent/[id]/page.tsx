import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/access";
import { lastIncludedDay } from "@/lib/account-access-view";
import { giftsBoughtBy } from "@/lib/billing/gifts";
import { chineseDate, dateInZone } from "@/lib/dates";
import { parseIdParam } from "@/lib/params";
import { SendGiftForm } from "../../gift-forms";
import { RefreshUntilPaid } from "./refresh-until-paid";

export const metadata: Metadata = { title: "我的礼物" };

/** The buyer's view of one gift: its claim link once paid, who claimed it and when. */
export default async function GiftSentPage({ params }: { params: Promise<{ id: string }> }) {
  const raw = (await params).id;
  const id = parseIdParam(raw);
  const viewer = await requireViewer(`/gift/sent/${raw}`);
  const [gift] = id ? await giftsBoughtBy(viewer.id, id) : [];
  if (!gift) notFound();
  return (
    <div className="mx-auto max-w-lg space-y-4 py-4">
      <h1 className="font-serif text-2xl font-bold">礼物:{gift.planName}</h1>
      <p className="text-sm">收礼人:{gift.recipientEmail}</p>
      {gift.status === "pending" && <RefreshUntilPaid />}
      {gift.claimLink && gift.status === "paid" && (
        <div className="space-y-3 rounded-lg border border-rule bg-white p-4">
          <p className="font-medium">付款成功。领取链接(一年内有效,只能领取一次):</p>
          <p className="break-all rounded bg-stone-100 p-2 font-mono text-sm" data-testid="claim-link">{gift.claimLink}</p>
          <p className="text-xs text-muted">有效期至 {lastIncludedDay(gift.expiresAt)}</p>
          <SendGiftForm giftId={gift.id} sentBefore={gift.recipientNotifiedAt !== null} />
        </div>
      )}
      {gift.status === "claimed" && (
        <p role="status" className="rounded border border-green-200 bg-green-50 p-3 text-sm">
          已由 {gift.claimedByEmail ?? "收礼人"} 于 {gift.claimedAt ? chineseDate(dateInZone(gift.claimedAt)) : ""} 领取。
        </p>
      )}
      <Link href="/gift" className="text-sm text-brand underline">← 我送出的礼物</Link>
    </div>
  );
}
