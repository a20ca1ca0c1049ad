import { servePagePdf } from "@/lib/issue-pdf-route";
import { parseDateParam, parseIdParam } from "@/lib/params";

/** One 版 as PDF, for subscribers and staff only (第1版 too: its image is public, the PDF is not). */
export async function GET(request: Request, { params }: { params: Promise<{ date: string; n: string }> }) {
  const raw = await params;
  return servePagePdf(request, parseDateParam(raw.date), parseIdParam(raw.n, 999));
}
