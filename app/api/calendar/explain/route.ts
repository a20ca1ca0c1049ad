import { NextResponse } from "next/server";
import { explainMissingIssue } from "@/lib/day-explanation";

/** Public calendar facts for the 404 page: whether a day was a pause or no publication day. */
export async function GET(request: Request) {
  const path = new URL(request.url).searchParams.get("path") ?? "";
  const explanation = path.length <= 200 ? await explainMissingIssue(path) : null;
  return NextResponse.json(explanation, { headers: { "Cache-Control": "public, max-age=60" } });
}
