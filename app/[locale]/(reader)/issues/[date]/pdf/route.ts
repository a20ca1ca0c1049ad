import { serveIssuePdf } from "@/lib/issue-pdf-route";
import { parseDateParam } from "@/lib/params";

/** The whole issue as one PDF, every 版 in order, for subscribers and staff only. */
export async function GET(request: Request, { params }: { params: Promise<{ date: string }> }) {
  return serveIssuePdf(request, parseDateParam((await params).date));
}
