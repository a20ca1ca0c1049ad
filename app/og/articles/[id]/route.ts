import { parseIdParam } from "@/lib/params";
import { articleShareImage } from "@/lib/share-image-route";

// Rendered on first request, then served from the cache: a published headline rarely changes.
export const revalidate = 3600;
export const generateStaticParams = async () => [];

/** The share card of a published article (headline, paper, date): nothing of its body. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return articleShareImage(parseIdParam((await params).id), "zh-CN");
}
