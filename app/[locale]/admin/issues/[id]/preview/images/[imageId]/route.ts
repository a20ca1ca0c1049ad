import { currentRole, getViewer } from "@/lib/access";
import { deny, fileResponse } from "@/lib/file-response";
import { requestTranslator } from "@/lib/i18n/translate";
import { previewImage } from "@/lib/issue-preview";
import { parseIdParam } from "@/lib/params";
import { isStaff } from "@/lib/roles";
import { getObject } from "@/lib/storage";

/** An article photo of any issue, for the staff preview (readers' /media/images serves published ones only). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; imageId: string }> }) {
  const t = await requestTranslator("adminIssues");
  const notFound = t("common.imageNotFound");
  const viewer = await getViewer();
  if (!viewer) return deny(401, t("common.signInToView"));
  if (!isStaff((await currentRole(viewer.id)) ?? undefined)) return deny(403, t("common.staffOnly"));
  const raw = await params;
  const issueId = parseIdParam(raw.id);
  const imageId = parseIdParam(raw.imageId);
  const image = issueId && imageId ? await previewImage(issueId, imageId) : null;
  if (!image) return deny(404, notFound);
  const file = await getObject(image.fileKey);
  return file ? fileResponse(file, { shared: false }) : deny(404, notFound);
}
