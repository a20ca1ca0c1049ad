import { cookies } from "next/headers";
import { NextResponse } from "next/server";
import { getViewer } from "@/lib/access";
import { articleBodyAnswer } from "@/lib/article-body-answer";
import { parseIdParam } from "@/lib/params";
import { UNLOCK_COOKIE } from "@/lib/qr/unlock";

/**
 * The rest of an article after its teaser, for the cached signed-in article
 * page (also served to a device holding a QR unlock). The only way gated text
 * leaves the server: lib/article-body-answer.ts decides, per reader, never cached.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseIdParam((await params).id);
  const unlockCookie = (await cookies()).get(UNLOCK_COOKIE)?.value;
  const { status, body } = await articleBodyAnswer(id, getViewer(), unlockCookie);
  return NextResponse.json(body, { status, headers: { "Cache-Control": "private, no-store", Vary: "Cookie" } });
}
