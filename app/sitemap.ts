import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { env } from "@/lib/env";
import { sitemapEntries } from "@/lib/site-index";

/** sitemap.xml: rendered per request (the database is never opened at build time) from one indexed query per kind. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  await connection();
  return sitemapEntries(env().APP_URL);
}
