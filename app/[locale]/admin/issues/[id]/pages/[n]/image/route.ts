import { currentRole, getViewer } from "@/lib/access";
import { deny, fileResponse } from "@/lib/file-response";
import { requestTranslator } from "@/lib/i18n/translate";
import { anyIssuePage } from "@/lib/issue-preview";
import { parseIdParam } from "@/lib/params";
import { isStaff } from "@/lib/roles";
import { getObject } from "@/lib/storage";

/**
 * A page image of any issue (draft, scheduled or published) for staff: the
 * admin thumbnails, the hot-zone editor and the preview. `?size=thumb` serves
 * the narrow rendition when there is one. Cached privately only: drafts must
 * never sit in a shared cache.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; n: string }> }) {
  const t = await requestTranslator("adminIssues");
  const notFound = t("common.pageImageNotFound");
  const viewer = await getViewer();
  if (!viewer) return deny(401, t("common.signInToView"));
  // The session's role may be stale: ask the database.
  if (!isStaff((await currentRole(viewer.id)) ?? undefined)) return deny(403, t("common.staffOnly"));
  const raw = await params;
  const issueId = parseIdParam(raw.id);
  const number = parseIdParam(raw.n, 999);
  const found = issueId && number ? await anyIssuePage(issueId, number) : null;
  if (!found) return deny(404, notFound);
  const wantsThumb = new URL(request.url).searchParams.get("size") === "thumb";
  const key = (wantsThumb && found.page.thumbKey) || found.page.imageKey;
  if (!key) return deny(404, notFound);
  const file = await getObject(key);
  return file ? fileResponse(file, { shared: false }) : deny(404, notFound);
}
