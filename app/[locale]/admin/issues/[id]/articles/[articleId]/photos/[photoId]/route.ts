import { currentRole, getViewer } from "@/lib/access";
import { photoOfIssue } from "@/lib/articles-admin";
import { deny, fileResponse } from "@/lib/file-response";
import { parseIdParam } from "@/lib/params";
import { isStaff } from "@/lib/roles";
import { getObject } from "@/lib/storage";

const NOT_FOUND = "未找到图片 Image not found";

/**
 * A photo of any article (draft issues included) for the staff editor. Readers
 * get photos from /media/images/ID, which serves published articles only.
 * Cached privately only: drafts must never sit in a shared cache.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; articleId: string; photoId: string }> }) {
  const viewer = await getViewer();
  if (!viewer) return deny(401, "请先登录 Sign in to view this file");
  if (!isStaff((await currentRole(viewer.id)) ?? undefined)) return deny(403, "仅限编辑人员 Staff only");
  const raw = await params;
  const [issueId, articleId, photoId] = [parseIdParam(raw.id), parseIdParam(raw.articleId), parseIdParam(raw.photoId)];
  const photo = issueId && articleId && photoId ? await photoOfIssue(issueId, articleId, photoId) : null;
  if (!photo) return deny(404, NOT_FOUND);
  const file = await getObject(photo.fileKey);
  return file ? fileResponse(file, { shared: false }) : deny(404, NOT_FOUND);
}
