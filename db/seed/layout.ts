import type { IsoDate } from "@/lib/dates";
import type { Polygon, SeedArticleDraft, SeedIssue, SeedPage } from "./types";

/** An axis-aligned rectangle as a 4-point polygon, clockwise from the top left. */
export const rect = (x0: number, y0: number, x1: number, y1: number): Polygon => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
];

/**
 * Block layouts by article count. Inside pages start under the running header
 * (~0.056), front pages under the masthead (~0.155). Neighbouring zones leave a
 * 0.01 gutter so they never overlap, as in print.
 */
const insideLayouts: Record<number, Polygon[]> = {
  2: [rect(0.03, 0.07, 0.97, 0.5), rect(0.03, 0.51, 0.97, 0.965)],
  3: [rect(0.03, 0.07, 0.97, 0.46), rect(0.03, 0.47, 0.55, 0.965), rect(0.56, 0.47, 0.97, 0.965)],
  4: [rect(0.03, 0.07, 0.64, 0.52), rect(0.65, 0.07, 0.97, 0.52), rect(0.03, 0.53, 0.49, 0.965), rect(0.5, 0.53, 0.97, 0.965)],
};

/** A feature page: the lead piece wraps around two boxes in an L shape. */
export const featureLayout: Polygon[] = [
  [
    [0.03, 0.07],
    [0.97, 0.07],
    [0.97, 0.4],
    [0.6, 0.4],
    [0.6, 0.965],
    [0.03, 0.965],
  ],
  rect(0.61, 0.41, 0.97, 0.68),
  rect(0.61, 0.69, 0.97, 0.965),
];

const frontLayouts: Record<number, Polygon[]> = {
  2: [rect(0.03, 0.165, 0.97, 0.6), rect(0.03, 0.61, 0.97, 0.965)],
  3: [rect(0.03, 0.165, 0.64, 0.62), rect(0.65, 0.165, 0.97, 0.62), rect(0.03, 0.63, 0.97, 0.965)],
};

/** A page whose articles get the standard layout for their count, unless an article brings its own zones. */
export function page(
  number: number,
  name: string,
  editor: string,
  articles: SeedArticleDraft[],
  options: { front?: boolean; layout?: Polygon[] } = {},
): SeedPage {
  const layout = options.layout ?? (options.front ? frontLayouts : insideLayouts)[articles.length];
  return {
    number,
    name,
    editor,
    articles: articles.map((article, i) => {
      const zone = layout?.[i];
      if (article.zones) return { ...article, zones: article.zones };
      if (!zone) throw new Error(`No layout for ${articles.length} articles on page ${number}`);
      return { ...article, zones: [zone] };
    }),
  };
}

/** A published issue, released at 06:00 Shanghai time on its date as the paper is. */
export const issue = (number: number, date: IsoDate, pages: SeedPage[]): SeedIssue => ({
  number,
  date,
  publishedAt: new Date(`${date}T06:00:00+08:00`),
  pages,
});
