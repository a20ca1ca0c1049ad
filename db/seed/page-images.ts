import { pageImageSvg, PAGE_IMAGE_HEIGHT, PAGE_IMAGE_WIDTH, type PageBlock } from "@/lib/page-image";
import { demoPublication, joinParagraphs, QR_LABEL } from "./content";
import type { SeedArticle, SeedIssue, SeedPage } from "./types";

export { PAGE_IMAGE_HEIGHT, PAGE_IMAGE_WIDTH };

export const pageImageKey = (issue: SeedIssue, page: SeedPage): string => `pages/${issue.date}/${page.number}.svg`;

/** Photo credits as printed under the caption: "(据新华社杨敏/摄)". */
const credits = (article: SeedArticle) => (article.images ?? []).map((img) => `(${img.credit})`);

/**
 * Blocks at the article's hot zones. The page image is public, so a gated
 * article contributes only its teaser (the first paragraph, public anyway).
 */
function blocksFor(article: SeedArticle): PageBlock[] {
  const free = article.access === "free";
  const label = [article.kicker, article.column !== article.title ? article.column : undefined].filter(Boolean).join("");
  return article.zones.map((zone, i) =>
    i === 0
      ? {
          zone,
          title: article.title,
          kicker: label || undefined,
          subtitle: article.subtitle,
          byline: [article.source, article.byline].filter(Boolean).join(" ") || undefined,
          hasPhoto: article.hasPhoto,
          isSample: article.isSample,
          boxed: article.boxed,
          text: free ? joinParagraphs([...article.paragraphs, ...credits(article)]) : article.paragraphs[0],
          textIsComplete: free,
        }
      : // Further zones are the article's continuation: body lines only.
        { zone, title: "", isSample: article.isSample },
  );
}

export function renderPageImage(issue: SeedIssue, page: SeedPage): string {
  const isFront = page.number === 1;
  return pageImageSvg({
    publicationName: demoPublication.name,
    date: issue.date,
    issueNumber: issue.number,
    pageNumber: page.number,
    pageName: page.name,
    isFront,
    editor: page.editor,
    masthead: isFront
      ? {
          slogan: demoPublication.slogan,
          cnNumber: demoPublication.cnNumber,
          sponsor: demoPublication.sponsor,
          publisher: demoPublication.publisher,
          hotline: demoPublication.hotline,
          pageCount: issue.pages.length,
          qrLabel: QR_LABEL,
        }
      : undefined,
    blocks: page.articles.flatMap(blocksFor),
    width: PAGE_IMAGE_WIDTH,
    height: PAGE_IMAGE_HEIGHT,
  });
}
