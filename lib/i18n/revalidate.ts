import "server-only";
import { revalidatePath } from "next/cache";
import { locales } from "./config";

/**
 * revalidatePath for a page in both languages. Pages live under app/[locale]
 * and each language's copy is cached on its own, so "/issues/2026-04-30" means
 * /zh-CN/issues/2026-04-30 and /en/issues/2026-04-30; a route pattern with a
 * type ("/(reader)/today/[date]", "page") means /[locale]/(reader)/today/[date].
 */
export function revalidatePage(path: string, type?: "page" | "layout"): void {
  if (type) {
    revalidatePath(`/[locale]${path === "/" ? "" : path}`, type);
    return;
  }
  for (const locale of locales) revalidatePath(`/${locale}${path === "/" ? "" : path}`);
}
