import "server-only";
import { canReadGated, getViewer } from "@/lib/access";
import { getPublication, issueByDate, issueContents, publishedPage } from "@/lib/editions";
import {
  issuePdf,
  pdfAccessDecision,
  pdfAvailable,
  pdfFileNames,
  pdfResponse,
  PdfSourceMissingError,
  wantsHtml,
  type PdfScope,
  type PdfSourcePage,
} from "@/lib/issue-pdf";
import { escapeXml } from "@/lib/svg-text";
import { logger } from "@/lib/log";

const log = logger.child({ module: "pdf" });

const plain = (status: 401 | 403 | 404 | 503, message: string) =>
  new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/** A 403 a person can act on: what the PDF needs and the way to it. */
const subscribersOnlyPage = (backHref: string) =>
  new Response(
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>PDF 仅供订阅用户下载</title></head>` +
      `<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.6">` +
      `<h1 style="font-size:1.25rem">PDF 仅供订阅用户下载</h1><p>PDF downloads are for subscribers.</p>` +
      `<p><a href="/subscribe">订阅财信报 Subscribe</a> · <a href="${escapeXml(backHref)}">返回 Back</a></p></body></html>`,
    { status: 403, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } },
  );

type Loaded = { issue: { id: number; date: string; number: number }; pages: PdfSourcePage[] };

/**
 * The one path of both PDF routes: access first (before anything is looked up,
 * so a signed-out probe learns nothing), then the published issue, then the
 * PDF from the storage cache or built now.
 */
async function servePdf(request: Request, scope: PdfScope, backHref: string, load: () => Promise<Loaded | null>): Promise<Response> {
  const viewer = await getViewer();
  const path = new URL(request.url).pathname;
  const decision = pdfAccessDecision({ signedIn: Boolean(viewer), mayReadGated: await canReadGated(viewer), wantsHtml: wantsHtml(request), path });
  if (!decision.allow) {
    if ("redirectTo" in decision) return new Response(null, { status: 303, headers: { Location: decision.redirectTo, "Cache-Control": "no-store" } });
    if (decision.explainInHtml) return subscribersOnlyPage(backHref);
    return decision.status === 401 ? plain(401, "请先登录 Sign in to download this PDF") : plain(403, "仅供订阅用户下载 Subscribers only");
  }
  const found = await load();
  if (!found || !pdfAvailable(scope, found.pages)) return plain(404, "未找到该 PDF PDF not found");
  const publication = await getPublication();
  const names = pdfFileNames(publication.name, found.issue.date, found.issue.number, scope);
  try {
    const pdf = await issuePdf(found.issue.id, scope, found.pages, { paperName: publication.name, date: found.issue.date, issueNumber: found.issue.number });
    return pdfResponse(pdf, names);
  } catch (error) {
    if (!(error instanceof PdfSourceMissingError)) throw error;
    log.error({ err: error }, "PDF source missing");
    return plain(503, "PDF 暂时无法生成,请稍后再试 The PDF cannot be made right now");
  }
}

export function servePagePdf(request: Request, date: string | null, number: number | null): Promise<Response> {
  const scope: PdfScope = { kind: "page", number: number ?? 0 };
  return servePdf(request, scope, date && number ? `/issues/${date}/pages/${number}` : "/", async () => {
    const found = date && number ? await publishedPage(date, number) : null;
    return found && { issue: found.issue, pages: [found.page] };
  });
}

export function serveIssuePdf(request: Request, date: string | null): Promise<Response> {
  return servePdf(request, { kind: "issue" }, date ? `/issues/${date}` : "/", async () => {
    const issue = date ? await issueByDate(date) : null;
    return issue && { issue, pages: await issueContents(issue.id) };
  });
}
