import { describe, expect, it } from "vitest";
import { pickChineseVoice, speechChunks } from "./speech-text";

describe("speech chunks", () => {
  it("cuts at sentence ends and keeps every character", () => {
    const text = "内蒙古全面推动人工智能赋能千行百业。会议指出,要聚焦三大目标!各地如何落实?\n记者了解到,相关工作已经启动。";
    const chunks = speechChunks(text, 30);
    expect(chunks.every((c) => c.length <= 30)).toBe(true);
    expect(chunks.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
    expect(chunks[0]).toBe("内蒙古全面推动人工智能赋能千行百业。");
  });

  it("splits a run-on sentence at commas, then hard", () => {
    const long = "甲".repeat(50) + "," + "乙".repeat(250) + "。";
    const chunks = speechChunks(long, 100);
    expect(chunks.every((c) => c.length <= 100)).toBe(true);
    expect(chunks.join("")).toBe(long);
  });

  it("returns nothing for empty text", () => {
    expect(speechChunks("  \n ")).toEqual([]);
  });
});

describe("choosing a voice", () => {
  it("prefers a local Mainland Mandarin voice", () => {
    const voices = [
      { lang: "en-US", localService: true },
      { lang: "zh-TW", localService: true },
      { lang: "zh-CN", localService: false, name: "remote" },
      { lang: "zh_CN", localService: true, name: "local" },
    ];
    expect(pickChineseVoice(voices)).toMatchObject({ name: "local" });
  });

  it("finds none where the browser has no Chinese voice, so Listen stays hidden", () => {
    expect(pickChineseVoice([{ lang: "en-US" }, { lang: "de-DE" }])).toBeNull();
    expect(pickChineseVoice([])).toBeNull();
  });
});
