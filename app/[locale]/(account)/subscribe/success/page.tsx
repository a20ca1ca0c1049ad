import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActivationStatus } from "@/components/billing/activation-status";
import { requireViewer } from "@/lib/access";

export const metadata: Metadata = { title: "支付完成" };

export default async function CheckoutSuccessPage({ searchParams }: { searchParams: Promise<{ session_id?: string }> }) {
  const { session_id: sessionId } = await searchParams;
  if (typeof sessionId !== "string" || !/^cs_\w{1,200}$/.test(sessionId)) notFound();
  await requireViewer(`/subscribe/success?session_id=${sessionId}`);
  return (
    <div className="mx-auto max-w-lg py-8">
      <ActivationStatus sessionId={sessionId} />
    </div>
  );
}
