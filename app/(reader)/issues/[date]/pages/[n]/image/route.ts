import { canReadGated, getViewer } from "@/lib/access";
import { publishedPage } from "@/lib/editions";
import { deny, fileResponse } from "@/lib/file-response";
import { parseDateParam, parseIdParam } from "@/lib/params";
import { getObject } from "@/lib/storage";

/** 第1版 is the shop window and public; every other page image is for subscribers and staff. */
export async function GET(_request: Request, { params }: { params: Promise<{ date: string; n: string }> }) {
  const raw = await params;
  const date = parseDateParam(raw.date);
  const number = parseIdParam(raw.n, 999);
  const found = date && number ? await publishedPage(date, number) : null;
  if (!found?.page.imageKey) return deny(404, "未找到该版面图 Page image not found");

  const isPublic = found.page.number === 1;
  if (!isPublic) {
    const viewer = await getViewer();
    if (!viewer) return deny(401, "请先登录 Sign in to view this page");
    if (!(await canReadGated(viewer))) return deny(403, "本版版面图仅供订阅用户查看 Subscribers only");
  }
  const file = await getObject(found.page.imageKey);
  if (!file) return deny(404, "未找到该版面图 Page image not found");
  return fileResponse(file, { shared: isPublic });
}
