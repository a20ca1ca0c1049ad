import { NextResponse } from "next/server";
import { forgetAccessHere } from "@/lib/access";
import { INVALIDATE_PURPOSE, invalidationSchema } from "@/lib/cluster/message";
import { revalidatePageHere } from "@/lib/i18n/revalidate";
import { isInternalCaller } from "@/lib/internal-caller";
import { forgetAllQrCodes, forgetQrCodeHere } from "@/lib/qr/resolve";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };

/**
 * Applies another instance's change to this instance's caches. Called only by
 * this instance's own listener (lib/cluster/listener.ts), with a token derived
 * from AUTH_SECRET; it changes nothing but caches, and tells nobody else.
 */
export async function POST(request: Request) {
  if (!isInternalCaller(request.headers.get("authorization"), INVALIDATE_PURPOSE)) {
    return NextResponse.json({ error: "Not allowed" }, { status: 403, headers: noStore });
  }
  const parsed = invalidationSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return NextResponse.json({ error: "Not an invalidation message" }, { status: 400, headers: noStore });
  const message = parsed.data;
  if (message.everything) {
    revalidatePageHere("/", "layout");
    forgetAllQrCodes();
  }
  for (const page of message.pages) revalidatePageHere(page.path, page.type);
  for (const code of message.qrCodes) forgetQrCodeHere(code);
  for (const user of message.users) forgetAccessHere(user);
  return NextResponse.json({ applied: true }, { headers: noStore });
}
