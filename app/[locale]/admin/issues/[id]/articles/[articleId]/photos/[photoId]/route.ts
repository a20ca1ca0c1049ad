import { currentRole, getViewer } from "@/lib/access";
import { photoOfIssue } from "@/lib/articles-admin";
import { deny, fileResponse } from "@/lib/file-response";
import { requestTranslator } from "@/lib/i18n/translate";
import { parseIdParam } from "@/lib/params";
import { isStaff } from "@/lib/roles";
import { getObject } from "@/lib/storage";

/**
 * A photo of any article (draft issues included) for the staff editor. Readers
 * get photos from /media/images/ID, which serves published articles only.
 * Cached privately only: drafts must never sit in a shared cache.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; articleId: string; photoId: string }> }) {
  const t = await requestTranslator("adminIssues");
  const notFound = t("common.imageNotFound");
  const viewer = await getViewer();
  if (!viewer) return deny(401, t("common.signInToView"));
  if (!isStaff((await currentRole(viewer.id)) ?? undefined)) return deny(403, t("common.staffOnly"));
  const raw = await params;
  const [issueId, articleId, photoId] = [parseIdParam(raw.id), parseIdParam(raw.articleId), parseIdParam(raw.photoId)];
  const photo = issueId && articleId && photoId ? await photoOfIssue(issueId, articleId, photoId) : null;
  if (!photo) return deny(404, notFound);
  const file = await getObject(photo.fileKey);
  return file ? fileResponse(file, { shared: false }) : deny(404, notFound);
}
