import { publishedPage } from "@/lib/editions";
import { deny, gatedFile } from "@/lib/file-response";
import { parseDateParam, parseIdParam } from "@/lib/params";

const NOT_FOUND = "未找到该版面图 Page image not found";

/** 第1版 is the shop window and public; every other page image is for subscribers and staff. */
export async function GET(_request: Request, { params }: { params: Promise<{ date: string; n: string }> }) {
  const raw = await params;
  const date = parseDateParam(raw.date);
  const number = parseIdParam(raw.n, 999);
  const found = date && number ? await publishedPage(date, number) : null;
  if (!found?.page.imageKey) return deny(404, NOT_FOUND);
  return gatedFile(found.page.imageKey, found.page.number === 1, NOT_FOUND);
}
