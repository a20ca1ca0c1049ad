/**
 * Text for the browser's speech synthesis, cut into utterances of at most
 * `max` characters at sentence ends (or commas, or hard, when a sentence runs
 * on): some engines stop long utterances part-way, and short ones let pause
 * and resume land near where the reader left off.
 */
export function speechChunks(text: string, max = 160): string[] {
  const chunks: string[] = [];
  let current = "";
  const push = () => {
    if (current.trim()) chunks.push(current.trim());
    current = "";
  };
  for (const sentence of text.replace(/\s+/g, " ").match(/[^。!?!?;;\n]+[。!?!?;;”」』"]*|[。!?!?;;]+/g) ?? []) {
    for (const piece of splitLong(sentence, max)) {
      if (current.length + piece.length > max) push();
      current += piece;
    }
  }
  push();
  return chunks;
}

function splitLong(sentence: string, max: number): string[] {
  if (sentence.length <= max) return [sentence];
  const parts: string[] = [];
  for (const clause of sentence.match(/[^,,、::]+[,,、::]*/g) ?? [sentence]) {
    for (let i = 0; i < clause.length; i += max) parts.push(clause.slice(i, i + max));
  }
  return parts;
}

/** The voice to read Chinese with: Mainland Mandarin first, then any Chinese voice; none means the Listen button stays hidden. */
export function pickChineseVoice<T extends { lang: string; localService?: boolean }>(voices: readonly T[]): T | null {
  const lang = (v: T) => v.lang.replace("_", "-").toLowerCase();
  return (
    voices.find((v) => lang(v) === "zh-cn" && v.localService) ??
    voices.find((v) => lang(v) === "zh-cn") ??
    voices.find((v) => lang(v).startsWith("cmn")) ??
    voices.find((v) => lang(v) === "zh" || lang(v).startsWith("zh-hans") || lang(v) === "zh-sg") ??
    voices.find((v) => lang(v) === "zh-tw") ??
    null
  );
}
