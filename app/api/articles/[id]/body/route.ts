import { cookies } from "next/headers";
import { NextResponse } from "next/server";
import { getViewer } from "@/lib/access";
import { articleBodyAnswer } from "@/lib/article-body-answer";
import { METER_COOKIE, meterCookieOptions } from "@/lib/metering";
import { parseIdParam } from "@/lib/params";
import { UNLOCK_COOKIE } from "@/lib/qr/unlock";

/**
 * The rest of an article after its teaser, for the cached signed-in article
 * page (also served to a device holding a QR unlock, and with metering on to
 * anonymous readers within their monthly allowance). The only way gated text
 * leaves the server: lib/article-body-answer.ts decides, per reader, never cached.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseIdParam((await params).id);
  const jar = await cookies();
  const now = new Date();
  const answer = await articleBodyAnswer(id, getViewer(), jar.get(UNLOCK_COOKIE)?.value, now, jar.get(METER_COOKIE)?.value);
  const response = NextResponse.json(answer.body, { status: answer.status, headers: { "Cache-Control": "private, no-store", Vary: "Cookie" } });
  if (answer.status === 200 && answer.meterCookie) response.cookies.set(METER_COOKIE, answer.meterCookie, meterCookieOptions(now));
  return response;
}
