import { Marked, type Token, type Tokens, type TokensList } from "marked";
import sanitizeHtml from "sanitize-html";

/**
 * Article bodies are Markdown. Old bodies are plain paragraphs separated by
 * blank lines, which is valid Markdown and renders as the same paragraphs.
 *
 * Two safety nets, both here so the editor, the reader page and the body API
 * share them: `sanitizeMarkdownSource` runs on save (the stored source carries
 * no raw HTML and no link or image another Markdown tool could turn into
 * script), and `renderBodyBlocks` runs on render (marked's HTML goes through a
 * strict allow-list before anyone may put it into a page).
 */

export const MAX_BODY_LENGTH = 100_000;

const md = new Marked({ gfm: true, breaks: false, async: false });

// ── Links ──

/** Only absolute web and mail links survive: no javascript:, data:, vbscript:, relative or protocol-relative URLs. */
export function isSafeHref(href: string | null | undefined): boolean {
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"); so do we.
  const compact = (href ?? "").replace(/[\u0000-\u0020\u007f-\u009f]/g, "");
  return /^(https?:\/\/[^/\\]|mailto:[^\s])/i.test(compact);
}

// ── Render: Markdown → sanitised HTML blocks ──

const BLOCK_RULES: sanitizeHtml.IOptions = {
  allowedTags: ["p", "h2", "h3", "h4", "strong", "em", "blockquote", "ul", "ol", "li", "a", "br", "hr"],
  allowedAttributes: { a: ["href", "rel"], ol: ["start"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: {},
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    h1: "h2",
    h5: "h4",
    h6: "h4",
    b: "strong",
    i: "em",
    pre: "p",
    a: (_tag, attribs): sanitizeHtml.Tag =>
      isSafeHref(attribs.href)
        ? { tagName: "a", attribs: { href: attribs.href!, rel: "nofollow noopener" } }
        : // A link we won't keep becomes its text: `span` is not allowed, so only its content remains.
          { tagName: "span", attribs: {} },
  },
  // Text of script, style, iframe & co. is never shown (and never run).
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "iframe", "object", "embed", "template", "svg", "math", "title", "xmp", "noembed", "noframes"],
};

/** The allow-list every piece of body HTML passes before it reaches a page: also call it on anything stored or cached. */
export const sanitizeBodyHtml = (html: string): string => sanitizeHtml(html, BLOCK_RULES).trim();

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u201c\u201d\u2018\u2019\u2014\u2026]/;

/**
 * A line break inside a paragraph is a soft break. Between Chinese characters
 * it must vanish (print columns broke lines mid-sentence); between Latin words
 * it stays a space, as browsers render it.
 */
function joinSoftBreaks(text: string): string {
  return text.replace(/[ \t]*\n[ \t]*/g, (match, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? "";
    const after = whole[offset + match.length] ?? "";
    return CJK.test(before) || CJK.test(after) ? "" : "\n";
  });
}

function lex(markdown: string): TokensList {
  const tokens = md.lexer(markdown.replace(/\r\n?/g, "\n"));
  md.walkTokens(tokens, (token) => {
    if (token.type === "text" && !("tokens" in token && token.tokens)) (token as Tokens.Text).text = joinSoftBreaks((token as Tokens.Text).text);
  });
  return tokens;
}

/**
 * The body as sanitised HTML blocks, one per top-level Markdown block
 * (paragraph, heading, list, quote, rule). The first block is the teaser.
 */
export function renderBodyBlocks(markdown: string): string[] {
  const tokens = lex(markdown);
  const blocks: string[] = [];
  for (const token of tokens) {
    if (token.type === "space" || token.type === "def") continue;
    const html =
      token.type === "code" || token.type === "table"
        ? // Not part of a newspaper body: shown as a plain paragraph of its text.
          `<p>${escapeText(inlineText([token]).trim()).replace(/\n+/g, "<br />")}</p>`
        : md.parser(Object.assign([token], { links: tokens.links }));
    const safe = sanitizeBodyHtml(html);
    // A block that was only HTML (a script, an image) leaves nothing worth a paragraph.
    if (safe.startsWith("<hr") || safe.replace(/<[^>]*>/g, "").trim()) blocks.push(safe);
  }
  return blocks;
}

const escapeText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

// ── Memo: rendered blocks per article version ──

/** An article body ready for readers: sanitised HTML blocks and the teaser as plain text. */
export type RenderedBody = { blocks: string[]; summary: string };

const MEMO_ENTRIES = 500;
const MEMO_CHARS = 16_000_000;
const memo = new Map<string, RenderedBody>();
let memoChars = 0;

const renderedSize = ({ blocks, summary }: RenderedBody) => blocks.reduce((n, b) => n + b.length, summary.length);

/**
 * The rendered body of one article version, memoised by (id, updatedAt) in a
 * small LRU: the body API and reader pages render the same few articles
 * thousands of times, and every save changes `updatedAt`, so no stale entry is
 * ever served.
 */
export function renderedArticleBody(article: { id: number; updatedAt: Date; body: string }): RenderedBody {
  const key = `${article.id}:${article.updatedAt.getTime()}`;
  const hit = memo.get(key);
  if (hit) {
    memo.delete(key);
    memo.set(key, hit);
    return hit;
  }
  const blocks = renderBodyBlocks(article.body);
  const rendered = { blocks, summary: blocks[0] ? htmlBlockToPlainText(blocks[0]) : "" };
  memo.set(key, rendered);
  memoChars += renderedSize(rendered);
  while (memo.size > MEMO_ENTRIES || (memoChars > MEMO_CHARS && memo.size > 1)) {
    const [oldestKey, oldest] = memo.entries().next().value as [string, RenderedBody];
    memo.delete(oldestKey);
    memoChars -= renderedSize(oldest);
  }
  return rendered;
}

// ── Plain text (search snippets, descriptions) ──

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", apos: "'", nbsp: " " };
const decodeBasicEntities = (text: string) => text.replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_m, name: string) => ENTITIES[name]!);

function inlineText(tokens: Token[] | undefined): string {
  if (!tokens) return "";
  return tokens
    .map((token) => {
      switch (token.type) {
        case "html":
        case "image":
        case "def":
        case "space":
          return "";
        case "br":
          return "\n";
        case "list":
          return (token as Tokens.List).items.map((item) => inlineText(item.tokens)).join("\n");
        case "table": {
          const table = token as Tokens.Table;
          return [table.header, ...table.rows].map((row) => row.map((cell) => inlineText(cell.tokens)).join(" ")).join("\n");
        }
        case "code":
          return (token as Tokens.Code).text;
        default:
          if ("tokens" in token && token.tokens) return inlineText(token.tokens);
          return "text" in token && typeof token.text === "string" ? decodeBasicEntities(token.text) : "";
      }
    })
    .join("");
}

/** The body as plain text, blocks separated by blank lines: no markup, no raw HTML, no link targets. */
export function markdownToPlainText(markdown: string): string {
  const tokens = lex(markdown);
  return tokens
    .filter((token) => token.type !== "space" && token.type !== "def" && token.type !== "html")
    .map((token) => inlineText([token]).trim())
    .filter(Boolean)
    .join("\n\n");
}

/** Plain text of one sanitised HTML block (e.g. the teaser, for a page description). */
export const htmlBlockToPlainText = (html: string): string =>
  decodeBasicEntities(sanitizeHtml(html.replace(/<br\s*\/?>/g, "\n"), { allowedTags: [], allowedAttributes: {} }))
    .replace(/\s*\n\s*/g, " ")
    .trim();

// ── Save: the Markdown source, neutralised ──

const STRIP_ALL_HTML: sanitizeHtml.IOptions = {
  allowedTags: [],
  allowedAttributes: {},
  disallowedTagsMode: "discard",
  nonTextTags: BLOCK_RULES.nonTextTags,
  // Keep the author's text as typed: entities stay, only tags go.
  parser: { decodeEntities: false },
};

/** Rewrites Markdown links and images that could carry script, until none is left. */
function neutraliseMarkdown(source: string): string {
  let text = source;
  for (let round = 0; round < 5; round++) {
    const replacements = new Map<string, string>();
    md.walkTokens(md.lexer(text), (token) => {
      if (token.type === "image") replacements.set(token.raw, (token as Tokens.Image).text);
      else if (token.type === "def" && !isSafeHref((token as Tokens.Def).href)) replacements.set(token.raw, "");
      else if (token.type === "link") {
        const link = token as Tokens.Link;
        if (!isSafeHref(link.href)) replacements.set(link.raw, link.text);
        // <https://…> would look like a tag to the HTML pass: GFM links the bare address the same way.
        else if (link.raw.startsWith("<")) replacements.set(link.raw, link.text);
      }
    });
    if (replacements.size === 0) break;
    for (const [raw, replacement] of replacements) text = text.split(raw).join(replacement);
  }
  return text;
}

/**
 * The body as it is stored: Markdown with raw HTML removed (a `<script>` is
 * gone with its content), images reduced to their alt text and links that are
 * not http(s)/mailto reduced to their text. Safe even if another tool renders
 * the stored source as HTML. Idempotent.
 */
export function sanitizeMarkdownSource(source: string): string {
  const normalised = source.replace(/\r\n?/g, "\n").replace(/\u0000/g, "");
  const stripped = sanitizeHtml(neutraliseMarkdown(normalised), STRIP_ALL_HTML);
  // The HTML pass escaped text; undo what cannot start a tag, so "> quote", "R&D" and "a < b" read as typed.
  const restored = stripped
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/&lt;(?![A-Za-z/!?])/g, "<");
  // Removing tags may have made new Markdown links (or undone nothing): check once more.
  return neutraliseMarkdown(restored).trim();
}
