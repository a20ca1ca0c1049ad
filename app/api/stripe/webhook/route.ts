import { NextResponse } from "next/server";
import { handleStripeWebhook } from "@/lib/billing/webhook";

/** Stripe's webhook endpoint. The signature covers the exact bytes, so the body is read raw, never parsed first. */
export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  const raw = await req.text();
  const { status, body } = await handleStripeWebhook(raw, req.headers.get("stripe-signature"));
  return NextResponse.json(body, { status, headers: { "Cache-Control": "no-store" } });
}
