import { publishedImage } from "@/lib/editions";
import { deny, gatedFile } from "@/lib/file-response";
import { parseIdParam } from "@/lib/params";

const NOT_FOUND = "未找到图片 Image not found";

/** A photo is as open as the article it illustrates. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseIdParam((await params).id);
  const found = id ? await publishedImage(id) : null;
  if (!found) return deny(404, NOT_FOUND);
  return gatedFile(found.image.fileKey, found.access === "free", NOT_FOUND);
}
