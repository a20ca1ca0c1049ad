import { NextResponse } from "next/server";
import { revalidateIssue } from "@/app/[locale]/admin/issues/revalidate";
import { publishDueIssues } from "@/lib/issues-admin";
import { isPublishJobCaller } from "@/lib/publish-job";
import { logger } from "@/lib/log";

const log = logger.child({ module: "jobs:publish" });

const noStore = { "Cache-Control": "no-store" };

/** Publishes the scheduled issues whose time has come, and refreshes the reader pages that show them. */
export async function POST(request: Request) {
  if (!isPublishJobCaller(request.headers.get("authorization"))) {
    return NextResponse.json({ error: "Not allowed" }, { status: 403, headers: noStore });
  }
  try {
    const { published, skipped } = await publishDueIssues();
    for (const issue of published) revalidateIssue(issue);
    return NextResponse.json(
      {
        published: published.map((i) => ({ number: i.number, date: i.date })),
        skipped: skipped.map((i) => ({ number: i.number, date: i.date })),
      },
      { headers: noStore },
    );
  } catch (error) {
    log.error({ err: error }, "Publish job failed");
    // 503 so the ticker (or cron) simply tries again next minute.
    return NextResponse.json({ error: "Publish job failed; it will be retried" }, { status: 503, headers: noStore });
  }
}
