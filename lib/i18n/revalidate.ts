import "server-only";
import { revalidatePath } from "next/cache";
import { announce } from "@/lib/cluster/announce";
import { locales } from "./config";

/**
 * revalidatePath for a page in both languages. Pages live under app/[locale]
 * and each language's copy is cached on its own, so "/issues/2026-04-30" means
 * /zh-CN/issues/2026-04-30 and /en/issues/2026-04-30; a route pattern with a
 * type ("/(reader)/today/[date]", "page") means /[locale]/(reader)/today/[date].
 * The other instances of a cluster are told to do the same (lib/cluster).
 */
export function revalidatePage(path: string, type?: "page" | "layout"): void {
  revalidatePageHere(path, type);
  announce({ pages: [{ path, type }] });
}

/** revalidatePage in this instance only (the cluster's invalidation route: the sender has told everyone). */
export function revalidatePageHere(path: string, type?: "page" | "layout"): void {
  if (type) {
    revalidatePath(`/[locale]${path === "/" ? "" : path}`, type);
    return;
  }
  for (const locale of locales) revalidatePath(`/${locale}${path === "/" ? "" : path}`);
}
