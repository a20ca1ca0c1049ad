import "server-only";
import { canReadGated, getViewer } from "@/lib/access";
import { getPublication, issueByDate, issueContents, publishedPage } from "@/lib/editions";
import { requestLocale, translatorFor } from "@/lib/i18n/translate";
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

type IssuesT = ReturnType<typeof translatorFor<"adminIssues">>;

/** A 403 a person can act on: what the PDF needs and the way to it, in the reader's language. */
const subscribersOnlyPage = (backHref: string, lang: string, t: IssuesT) =>
  new Response(
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeXml(t("pdf.title"))}</title></head>` +
      `<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.6">` +
      `<h1 style="font-size:1.25rem">${escapeXml(t("pdf.title"))}</h1><p>${escapeXml(t("pdf.note"))}</p>` +
      `<p><a href="/subscribe">${escapeXml(t("pdf.subscribe"))}</a> · <a href="${escapeXml(backHref)}">${escapeXml(t("pdf.back"))}</a></p></body></html>`,
    { status: 403, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } },
  );

type Loaded = { issue: { id: number; date: string; number: number }; pages: PdfSourcePage[] };

/**
 * The one path of both PDF routes: access first (before anything is looked up,
 * so a signed-out probe learns nothing), then the published issue, then the
 * PDF from the storage cache or built now.
 */
async function servePdf(request: Request, scope: PdfScope, backHref: string, load: () => Promise<Loaded | null>): Promise<Response> {
  // A route handler, answered per request: the language comes from the reader's cookie.
  const locale = await requestLocale();
  const t = translatorFor(locale, "adminIssues");
  const viewer = await getViewer();
  const path = new URL(request.url).pathname;
  const decision = pdfAccessDecision({ signedIn: Boolean(viewer), mayReadGated: await canReadGated(viewer), wantsHtml: wantsHtml(request), path });
  if (!decision.allow) {
    if ("redirectTo" in decision) return new Response(null, { status: 303, headers: { Location: decision.redirectTo, "Cache-Control": "no-store" } });
    if (decision.explainInHtml) return subscribersOnlyPage(backHref, locale, t);
    return decision.status === 401 ? plain(401, t("pdf.signIn")) : plain(403, t("pdf.subscribersOnly"));
  }
  const found = await load();
  if (!found || !pdfAvailable(scope, found.pages)) return plain(404, t("pdf.notFound"));
  const publication = await getPublication();
  const names = pdfFileNames(publication.name, found.issue.date, found.issue.number, scope);
  try {
    const pdf = await issuePdf(found.issue.id, scope, found.pages, { paperName: publication.name, date: found.issue.date, issueNumber: found.issue.number });
    return pdfResponse(pdf, names);
  } catch (error) {
    if (!(error instanceof PdfSourceMissingError)) throw error;
    log.error({ err: error }, "PDF source missing");
    return plain(503, t("pdf.unavailable"));
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
