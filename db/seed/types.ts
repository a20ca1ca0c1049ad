import type { IsoDate } from "@/lib/dates";

/** A point of a hot-zone polygon, page-relative: 0 ≤ x, y ≤ 1. */
export type Point = [number, number];
export type Polygon = Point[];

export type SeedImage = {
  /** Storage key of the generated placeholder file. */
  key: string;
  /** Text drawn onto the placeholder, saying what it stands for. */
  label: string;
  caption: string;
  credit: string;
  width: number;
  height: number;
};

export type SeedArticle = {
  column?: string;
  kicker?: string;
  title: string;
  subtitle?: string;
  byline?: string;
  source?: string;
  /** Clean paragraphs; stored joined by blank lines. The first is the public teaser. */
  paragraphs: string[];
  access: "free" | "subscribers";
  isSample: boolean;
  /** Hot zones, one polygon each (usually one per article). */
  zones: Polygon[];
  hasPhoto?: boolean;
  boxed?: boolean;
  images?: SeedImage[];
};

/** An article before layout: zones may be left to the page's standard layout. */
export type SeedArticleDraft = Omit<SeedArticle, "zones"> & { zones?: Polygon[] };

export type SeedPage = {
  number: number;
  name: string;
  editor: string;
  articles: SeedArticle[];
};

export type SeedIssue = {
  number: number;
  date: IsoDate;
  publishedAt: Date;
  pages: SeedPage[];
};
