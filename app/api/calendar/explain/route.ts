import { NextResponse } from "next/server";
import { explainMissingIssue } from "@/lib/day-explanation";
import { localeOr } from "@/lib/i18n/config";

/** Public calendar facts for the 404 page: whether a day was a pause or no publication day. */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const path = params.get("path") ?? "";
  // The language is part of the URL (&lang=en) because the answer is cached per URL.
  const explanation = path.length <= 200 ? await explainMissingIssue(path, localeOr(params.get("lang"))) : null;
  return NextResponse.json(explanation, { headers: { "Cache-Control": "public, max-age=60" } });
}
