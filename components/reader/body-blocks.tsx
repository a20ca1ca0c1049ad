import { bodyStyles } from "./body-styles";

/**
 * Article body blocks. `blocks` must come from lib/article-body.ts (through
 * lib/article-view.ts or the body API): sanitised HTML with a strict allow-list
 * of tags, which is why it may be set as HTML here and nowhere else.
 */
export function BodyBlocks({ blocks }: { blocks: string[] }) {
  if (blocks.length === 0) return null;
  return <div className={bodyStyles} dangerouslySetInnerHTML={{ __html: blocks.join("\n") }} />;
}
