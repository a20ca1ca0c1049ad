import { NextResponse } from "next/server";

/** The archive's "go to issue number" box: a plain GET form that works without JavaScript. */
export function GET(request: Request) {
  const raw = (new URL(request.url).searchParams.get("no") ?? "").trim();
  const target = /^\d{1,9}$/.test(raw) ? `/issues/no/${Number(raw)}` : "/archive?invalid=1";
  return NextResponse.redirect(new URL(target, request.url), 303);
}
