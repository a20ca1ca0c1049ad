import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { articles, images, issues, pages } from "@/db/schema";
import { photoPlaceholderSvg } from "@/lib/page-image";
import { getObject, putObject } from "@/lib/storage";
import { joinParagraphs } from "./content";
import { withSeedLock } from "./lock";
import { PAGE_IMAGE_HEIGHT, PAGE_IMAGE_WIDTH, pageImageKey, renderPageImage } from "./page-images";
import type { SeedImage, SeedIssue } from "./types";

const SVG = "image/svg+xml";

type FileSpec = { key: string; render: () => string };

function filesOf(issue: SeedIssue): FileSpec[] {
  const pageFiles = issue.pages.map((page) => ({ key: pageImageKey(issue, page), render: () => renderPageImage(issue, page) }));
  const photos = issue.pages.flatMap((page) =>
    page.articles.flatMap((a) => (a.images ?? []).map((img: SeedImage) => ({ key: img.key, render: () => photoPlaceholderSvg(img) }))),
  );
  return [...pageFiles, ...photos];
}

/**
 * Seeds one issue by its natural key, the date. A new issue is written with its
 * pages, articles and images in one transaction, so a failure leaves nothing
 * half-written. Files go to storage first: rows never point at missing files,
 * and files orphaned by a failed insert are rewritten identically next time.
 * An existing issue is left alone, except that seed files its rows still
 * reference are restored if they went missing (e.g. a fresh media volume).
 */
export async function seedIssue(db: Db, issue: SeedIssue, log: (line: string) => void): Promise<void> {
  const label = `issue ${issue.number} (${issue.date})`;
  const [existing] = await db.select({ id: issues.id }).from(issues).where(eq(issues.date, issue.date)).limit(1);
  if (existing) {
    const restored = await restoreMissingFiles(db, existing.id, issue);
    log(`${label}: already present${restored ? `, restored ${restored} missing file(s)` : ""}`);
    return;
  }

  for (const file of filesOf(issue)) await putObject(file.key, file.render(), SVG);

  const counts = await withSeedLock(db, async (tx) => {
    const [row] = await tx
      .insert(issues)
      .values({
        date: issue.date,
        number: issue.number,
        pageCount: issue.pages.length,
        status: "published",
        publishAt: issue.publishedAt,
        publishedAt: issue.publishedAt,
      })
      // Another seeder got there first, or staff already use this date or number.
      .onConflictDoNothing()
      .returning({ id: issues.id });
    if (!row) return null;

    const pageRows = await tx
      .insert(pages)
      .values(
        issue.pages.map((page) => ({
          issueId: row.id,
          number: page.number,
          name: page.name,
          editor: page.editor,
          imageKey: pageImageKey(issue, page),
          imageWidth: PAGE_IMAGE_WIDTH,
          imageHeight: PAGE_IMAGE_HEIGHT,
        })),
      )
      .returning({ id: pages.id, number: pages.number });
    const pageId = new Map(pageRows.map((p) => [p.number, p.id]));

    let articleCount = 0;
    let imageCount = 0;
    for (const page of issue.pages) {
      // One insert per article keeps the id ↔ image pairing explicit.
      for (const [position, a] of page.articles.entries()) {
        const [article] = await tx
          .insert(articles)
          .values({
            issueId: row.id,
            pageId: pageId.get(page.number)!,
            column: a.column ?? null,
            kicker: a.kicker ?? null,
            title: a.title,
            subtitle: a.subtitle ?? null,
            byline: a.byline ?? null,
            source: a.source ?? null,
            body: joinParagraphs(a.paragraphs),
            access: a.access,
            position,
            hotZones: a.zones.map((points) => ({ points })),
            isSample: a.isSample,
          })
          .returning({ id: articles.id });
        articleCount++;
        for (const [imagePosition, img] of (a.images ?? []).entries()) {
          await tx.insert(images).values({
            articleId: article!.id,
            fileKey: img.key,
            width: img.width,
            height: img.height,
            caption: img.caption,
            credit: img.credit,
            position: imagePosition,
          });
          imageCount++;
        }
      }
    }
    return { pages: pageRows.length, articles: articleCount, images: imageCount };
  });

  log(
    counts
      ? `${label}: created ${counts.pages} pages, ${counts.articles} articles, ${counts.images} images`
      : `${label}: skipped, its date or number is already taken`,
  );
}

async function restoreMissingFiles(db: Db, issueId: number, issue: SeedIssue): Promise<number> {
  const pageKeys = await db.select({ key: pages.imageKey }).from(pages).where(eq(pages.issueId, issueId));
  const imageKeys = await db
    .select({ key: images.fileKey })
    .from(images)
    .innerJoin(articles, eq(images.articleId, articles.id))
    .where(eq(articles.issueId, issueId));
  const referenced = new Set([...pageKeys, ...imageKeys].map((r) => r.key));
  let restored = 0;
  for (const file of filesOf(issue)) {
    // Only files of this seed that the rows still point at: staff replacements stay untouched.
    if (!referenced.has(file.key) || (await getObject(file.key))) continue;
    await putObject(file.key, file.render(), SVG);
    restored++;
  }
  return restored;
}
