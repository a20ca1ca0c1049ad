/**
 * Chinese full-text search without a segmenter: n-grams, built here and stored
 * in PostgreSQL `tsvector`s (no dictionary, no extension), so the same index
 * works on PGlite and PostgreSQL.
 *
 * Text is split into runs. A run of CJK characters gives every character,
 * every pair and every triple of adjacent characters (1-, 2- and 3-grams); a
 * run of other letters and digits gives one lower-cased word. Everything else
 * (punctuation, spaces, symbols, emoji) separates runs, so no n-gram spans
 * "知，识".
 *
 * A query becomes: one character → its 1-gram, two → the 2-gram, three → the
 * 3-gram, exactly; four or more → the AND of its overlapping 3-grams (人工智 &
 * 工智能), which only text holding the whole string matches in practice.
 * Everything is decided by the GIN index alone: no phrase operator, so
 * PostgreSQL never re-reads (de-TOASTs) a body to verify a match, which is
 * what keeps a query that matches half the archive fast.
 *
 * Pure module: no database; used by the indexer, the search and the bench.
 */

/** Positions in a tsvector stop at 16383; PostgreSQL keeps at most 256 per lexeme. */
const MAX_POSITION = 16_383;
const MAX_POSITIONS_PER_LEXEME = 256;
/** A lexeme may be at most 2 KB; nobody searches for a word this long. */
const MAX_WORD_LENGTH = 100;
/** Queries are cut to this many characters before anything else. */
export const MAX_QUERY_LENGTH = 50;

export type Weight = "A" | "B" | "C" | "D";
export type Run = { text: string; cjk: boolean; start: number };

const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Full-width Latin letters and digits become ASCII, case folds; Chinese punctuation stays a separator. */
export const normalizeSearchText = (text: string): string => text.normalize("NFKC").toLowerCase();

/** 0 = separator, 1 = word character, 2 = CJK; the common ranges without a regular expression (indexing is hot). */
function classify(char: string): 0 | 1 | 2 {
  const code = char.charCodeAt(0);
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) ? 1 : 0;
  if (code >= 0x4e00 && code <= 0x9fff) return 2;
  if (code >= 0x3000 && code <= 0x303f) return 0;
  if (code >= 0xff00 && code <= 0xff0f) return 0;
  return CJK_CHAR.test(char) ? 2 : WORD_CHAR.test(char) ? 1 : 0;
}

/** The runs of a text, with their start offsets (in code points) within it. */
export function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  let current: Run | null = null;
  let offset = 0;
  for (const char of normalizeSearchText(text)) {
    const kind = classify(char);
    const cjk = kind === 2;
    const word = kind === 1;
    if (!cjk && !word) current = null;
    else if (current && current.cjk === cjk) current.text += char;
    else runs.push((current = { text: char, cjk, start: offset }));
    offset++;
  }
  return runs;
}

const chars = (text: string) => Array.from(text);

/**
 * Builds one tsvector literal from weighted fields. With positions (the small
 * head: title, kicker…), ranking can weigh where a term occurs; without (the
 * body), the vector is a set of n-grams, less than half the size.
 */
export class VectorBuilder {
  private readonly lexemes = new Map<string, string[]>();
  private next = 1;

  constructor(private readonly withPositions = true) {}

  add(text: string | null | undefined, weight: Weight): this {
    if (!text) return this;
    const base = this.next;
    let end = base;
    for (const run of runsOf(text)) {
      const at = base + run.start;
      const cs = chars(run.text);
      if (run.cjk) {
        for (let i = 0; i < cs.length; i++) {
          this.put(cs[i]!, at + i, weight);
          if (i + 1 < cs.length) this.put(cs[i]! + cs[i + 1]!, at + i, weight);
          if (i + 2 < cs.length) this.put(cs[i]! + cs[i + 1]! + cs[i + 2]!, at + i, weight);
        }
      } else {
        this.put(cs.slice(0, MAX_WORD_LENGTH).join(""), at, weight);
      }
      end = at + cs.length;
    }
    // A gap keeps fields apart for cover-density ranking.
    this.next = end + 2;
    return this;
  }

  private put(lexeme: string, position: number, weight: Weight) {
    let positions = this.lexemes.get(lexeme);
    if (!positions) this.lexemes.set(lexeme, (positions = []));
    if (!this.withPositions || positions.length >= MAX_POSITIONS_PER_LEXEME) return;
    const label = `${Math.min(position, MAX_POSITION)}${weight === "D" ? "" : weight}`;
    if (positions[positions.length - 1] !== label) positions.push(label);
  }

  /** The `tsvector` input text: `'知识':3B,9B '知':3B …`. Lexemes hold only letters and digits, so need no escaping. */
  toString(): string {
    const parts: string[] = [];
    for (const [lexeme, positions] of this.lexemes) parts.push(positions.length ? `'${lexeme}':${positions.join(",")}` : `'${lexeme}'`);
    return parts.join(" ");
  }
}

/** A cleaned query: cut to 50 characters, control characters removed, whitespace collapsed. */
export function cleanQuery(raw: unknown): string {
  if (typeof raw !== "string") return "";
  return chars(raw.replace(/[\u0000-\u001f\u007f]/g, " ").replace(/\s+/g, " ").trim())
    .slice(0, MAX_QUERY_LENGTH)
    .join("")
    .trim();
}

/** The terms of a query (its runs), as they are searched for and highlighted. */
export function queryTerms(query: string): string[] {
  return [...new Set(runsOf(cleanQuery(query)).map((run) => run.text))];
}

/**
 * The query as one tsquery per term, or an empty list when it has nothing
 * searchable (only punctuation or emoji). Every term must match (AND), each
 * within one field, since a term is a run of the text; the only operator
 * inside a term is &.
 */
export function termQueries(query: string): string[] {
  return queryTerms(query).map((term) => {
    const cs = chars(term);
    if (!CJK_CHAR.test(term)) return quote(cs.slice(0, MAX_WORD_LENGTH).join(""));
    if (cs.length <= 3) return quote(term);
    return cs
      .slice(0, -2)
      .map((c, i) => quote(c + cs[i + 1]! + cs[i + 2]!))
      .join(" & ");
  });
}

/** The whole query as one tsquery (all terms), or null when there is nothing to search. */
export function toTsquery(query: string): string | null {
  const parts = termQueries(query);
  if (!parts.length) return null;
  return parts.length === 1 ? parts[0]! : parts.map((p) => (p.includes("&") ? `(${p})` : p)).join(" & ");
}

const quote = (lexeme: string) => `'${lexeme}'`;

// ── Snippets ──

export type SnippetPart = { text: string; mark: boolean };

const SNIPPET_LENGTH = 80;

/**
 * Splits `text` into plain and marked parts: every case-insensitive
 * occurrence of a term is marked. Parts are text, never HTML: the page renders
 * them as text inside <mark>, so nothing in an article can become markup.
 */
export function markTerms(text: string, terms: string[]): SnippetPart[] {
  const ranges = matchRanges(text, terms);
  const parts: SnippetPart[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push({ text: text.slice(at, start), mark: false });
    parts.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), mark: false });
  return parts;
}

function matchRanges(text: string, terms: string[]): [number, number][] {
  const lower = text.toLowerCase();
  const found: [number, number][] = [];
  for (const term of terms) {
    // Lower-casing can change a string's length (e.g. "İ"); only mark where it did not.
    if (!term || lower.length !== text.length) continue;
    for (let i = lower.indexOf(term); i !== -1; i = lower.indexOf(term, i + term.length)) found.push([i, i + term.length]);
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const range of found) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/**
 * About 80 characters of `text` around the first occurrence of any term, with
 * the terms marked; the start of the text when no term occurs in it (a title
 * match). Cuts never split a surrogate pair.
 */
export function buildSnippet(text: string, terms: string[], length = SNIPPET_LENGTH): SnippetPart[] {
  const flat = text.replace(/\s+/g, " ").trim();
  if (!flat) return [];
  const first = matchRanges(flat, terms)[0];
  let start = first ? Math.max(0, first[0] - Math.floor(length / 3)) : 0;
  let end = Math.min(flat.length, start + length);
  start = Math.max(0, Math.min(start, end - length));
  if (isLowSurrogate(flat.charCodeAt(start))) start--;
  if (isLowSurrogate(flat.charCodeAt(end))) end++;
  const parts = markTerms(flat.slice(start, end), terms);
  if (start > 0) parts.unshift({ text: "…", mark: false });
  if (end < flat.length) parts.push({ text: "…", mark: false });
  return parts;
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
