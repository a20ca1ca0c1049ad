import { canReadGated, getViewer } from "@/lib/access";
import { publishedImage } from "@/lib/editions";
import { deny, fileResponse } from "@/lib/file-response";
import { parseIdParam } from "@/lib/params";
import { getObject } from "@/lib/storage";

/** A photo is as open as the article it illustrates. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseIdParam((await params).id);
  const found = id ? await publishedImage(id) : null;
  if (!found) return deny(404, "未找到图片 Image not found");

  const isPublic = found.access === "free";
  if (!isPublic) {
    const viewer = await getViewer();
    if (!viewer) return deny(401, "请先登录 Sign in to view this image");
    if (!(await canReadGated(viewer))) return deny(403, "仅供订阅用户查看 Subscribers only");
  }
  const file = await getObject(found.image.fileKey);
  if (!file) return deny(404, "未找到图片 Image not found");
  return fileResponse(file, { shared: isPublic });
}
