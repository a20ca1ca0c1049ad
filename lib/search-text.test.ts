import { describe, expect, it } from "vitest";
import { buildSnippet, cleanQuery, markTerms, queryTerms, runsOf, termQueries, toTsquery, VectorBuilder } from "./search-text";

const lexemes = (vector: string) => new Map(vector.split(" ").map((part) => [part.slice(1, part.indexOf("'", 1)), part.slice(part.indexOf(":") + 1)]));

describe("segmentation", () => {
  it("splits text into CJK runs and lower-cased word runs at punctuation and spaces", () => {
    expect(runsOf("乳业AI芯片，知识 5G网络！Ｗｉｆｉ").map((r) => [r.text, r.cjk, r.start])).toEqual([
      ["乳业", true, 0],
      ["ai", false, 2],
      ["芯片", true, 4],
      ["知识", true, 7],
      ["5g", false, 10],
      ["网络", true, 12],
      ["wifi", false, 15],
    ]);
  });

  it("indexes every character, pair and triple of a CJK run, with positions and weight", () => {
    const vector = lexemes(new VectorBuilder().add("数字经济", "A").toString());
    expect([...vector.keys()].sort()).toEqual(["字", "字经", "字经济", "数", "数字", "数字经", "济", "经", "经济"].sort());
    expect(vector.get("数字")).toBe("1A");
    expect(vector.get("字经济")).toBe("2A");
    expect(vector.get("经济")).toBe("3A");
  });

  it("stores the body as a set of n-grams, without positions", () => {
    expect(new VectorBuilder(false).add("税收税收", "D").toString()).toBe("'税' '税收' '税收税' '收' '收税' '收税收'");
  });

  it("makes no pair across punctuation, and none from one field into the next", () => {
    const vector = lexemes(new VectorBuilder().add("知，识", "D").add("乳", "B").add("业", "B").toString());
    expect(vector.has("知识")).toBe(false);
    expect(vector.has("乳业")).toBe(false);
    expect(vector.get("知")).toBe("1");
    expect(vector.get("识")).toBe("3");
  });

  it("repeats positions for a repeated lexeme and leaves D unmarked", () => {
    expect(lexemes(new VectorBuilder().add("税收税收", "D").toString()).get("税收")).toBe("1,3");
  });
});

describe("queries", () => {
  it("turns 1–3 characters into one n-gram and longer terms into the AND of their 3-grams", () => {
    expect(toTsquery("乳")).toBe("'乳'");
    expect(toTsquery("知识")).toBe("'知识'");
    expect(toTsquery("内蒙古")).toBe("'内蒙古'");
    expect(toTsquery("人工智能")).toBe("'人工智' & '工智能'");
    expect(toTsquery("数字经济 税收")).toBe("('数字经' & '字经济') & '税收'");
    expect(termQueries("数字经济 税收")).toEqual(["'数字经' & '字经济'", "'税收'"]);
  });

  it("ANDs the terms of a mixed query and lower-cases Latin", () => {
    expect(toTsquery("AI 芯片")).toBe("'ai' & '芯片'");
    expect(toTsquery("ＡＩ芯片")).toBe("'ai' & '芯片'");
  });

  it("has nothing to search for punctuation, symbols or emoji only", () => {
    for (const q of ["%", "_", "'\"", "😀🎉", "！？。", "", "   "]) expect(toTsquery(q)).toBeNull();
  });

  it("never lets a quote or operator into the tsquery", () => {
    const query = toTsquery("a'b & c|d:* !e <-> (f) \\g")!;
    expect(query).toBe("'a' & 'b' & 'c' & 'd' & 'e' & 'f' & 'g'");
  });

  it("cuts queries to 50 characters and removes control characters", () => {
    expect([...cleanQuery("知".repeat(1000))]).toHaveLength(50);
    expect(cleanQuery(" 乳业\u0000\n 发展 ")).toBe("乳业 发展");
    expect(cleanQuery(undefined)).toBe("");
    expect(queryTerms("乳业 乳业 AI")).toEqual(["乳业", "ai"]);
  });
});

describe("snippets", () => {
  it("cuts about 80 characters around the first match and marks every occurrence", () => {
    const text = `${"前".repeat(200)}乳业振兴乳业${"后".repeat(200)}`;
    const parts = buildSnippet(text, ["乳业"]);
    expect(parts[0]).toEqual({ text: "…", mark: false });
    expect(parts.at(-1)).toEqual({ text: "…", mark: false });
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(["乳业", "乳业"]);
    expect(parts.map((p) => p.text).join("").length).toBeLessThanOrEqual(82);
  });

  it("starts at the beginning when the match is elsewhere (title), and marks case-insensitively", () => {
    expect(buildSnippet("短文本 without term", ["乳业"])).toEqual([{ text: "短文本 without term", mark: false }]);
    expect(markTerms("Open AI 与 ai", ["ai"])).toEqual([
      { text: "Open ", mark: false },
      { text: "AI", mark: true },
      { text: " 与 ", mark: false },
      { text: "ai", mark: true },
    ]);
  });

  it("keeps markup as text: the parts are rendered as text, never as HTML", () => {
    const parts = markTerms("<script>alert(1)</script>乳业", ["乳业"]);
    expect(parts).toEqual([
      { text: "<script>alert(1)</script>", mark: false },
      { text: "乳业", mark: true },
    ]);
  });

  it("never splits an emoji at the cut", () => {
    const text = `${"😀".repeat(100)}乳业${"😀".repeat(100)}`;
    const joined = buildSnippet(text, ["乳业"]).map((p) => p.text).join("");
    expect(joined).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });
});
