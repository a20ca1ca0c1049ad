import { currentRole, getViewer } from "@/lib/access";
import { deny, fileResponse } from "@/lib/file-response";
import { previewImage } from "@/lib/issue-preview";
import { parseIdParam } from "@/lib/params";
import { isStaff } from "@/lib/roles";
import { getObject } from "@/lib/storage";

const NOT_FOUND = "未找到图片 Image not found";

/** An article photo of any issue, for the staff preview (readers' /media/images serves published ones only). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; imageId: string }> }) {
  const viewer = await getViewer();
  if (!viewer) return deny(401, "请先登录 Sign in to view this file");
  if (!isStaff((await currentRole(viewer.id)) ?? undefined)) return deny(403, "仅限编辑人员 Staff only");
  const raw = await params;
  const issueId = parseIdParam(raw.id);
  const imageId = parseIdParam(raw.imageId);
  const image = issueId && imageId ? await previewImage(issueId, imageId) : null;
  if (!image) return deny(404, NOT_FOUND);
  const file = await getObject(image.fileKey);
  return file ? fileResponse(file, { shared: false }) : deny(404, NOT_FOUND);
}
