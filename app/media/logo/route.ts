import { getDb } from "@/db/client";
import { publication } from "@/db/schema";
import { deny, fileResponse } from "@/lib/file-response";
import { getObject } from "@/lib/storage";

export const dynamic = "force-dynamic";

/**
 * The paper's logo, public. Links carry ?v=<the key's random part>: a request
 * for the current version may be cached for good; any other (an old link, no
 * version) gets the current logo with a short cache.
 */
export async function GET(request: Request): Promise<Response> {
  const db = await getDb();
  const [row] = await db.select({ logoKey: publication.logoKey }).from(publication).limit(1);
  if (!row?.logoKey) return deny(404, "没有上传标志 No logo");
  const file = await getObject(row.logoKey);
  if (!file) return deny(404, "没有上传标志 No logo");
  const response = fileResponse(file, { shared: true });
  const version = new URL(request.url).searchParams.get("v");
  if (version && row.logoKey === `publication/logo-${version}`) response.headers.set("Cache-Control", "public, max-age=31536000, immutable");
  response.headers.delete("Vary");
  return response;
}
