import { NextResponse } from "next/server";
import { getViewer } from "@/lib/access";
import { checkoutActivation } from "@/lib/billing/activation";

export const dynamic = "force-dynamic";

/** Polled by /subscribe/success until the webhook has granted access. */
export async function GET(request: Request) {
  const viewer = await getViewer();
  if (!viewer) return NextResponse.json({ state: "unknown" }, { status: 401, headers: { "Cache-Control": "no-store" } });
  const sessionId = new URL(request.url).searchParams.get("session_id") ?? "";
  const state = await checkoutActivation(sessionId, viewer.id);
  return NextResponse.json({ state }, { headers: { "Cache-Control": "private, no-store" } });
}
