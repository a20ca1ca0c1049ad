import type { Polygon, SeedArticleDraft } from "./types";

export const SAMPLE_KICKER = "【示例】";
/** Opens every sample body, so even the public teaser says it is not reporting. */
export const SAMPLE_NOTE = "【示例内容,非真实报道】";
export const SAMPLE_BYLINE = "示例记者";

type SampleInput = {
  column?: string;
  title: string;
  subtitle?: string;
  access?: "free" | "subscribers";
  paragraphs: [string, ...string[]];
  hasPhoto?: boolean;
  zones?: Polygon[];
};

/** Demo filler written for this project: marked in the kicker, the byline, the first paragraph and isSample. */
export function sample({ paragraphs: [first, ...rest], access = "subscribers", ...input }: SampleInput): SeedArticleDraft {
  return {
    ...input,
    kicker: SAMPLE_KICKER,
    byline: SAMPLE_BYLINE,
    access,
    isSample: true,
    paragraphs: [SAMPLE_NOTE + first, ...rest],
  };
}
