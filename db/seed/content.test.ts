import { describe, expect, it } from "vitest";
import { isIsoDate, isoWeekday } from "@/lib/dates";
import { MASTHEAD_BOTTOM, HEADER_BOTTOM } from "@/lib/page-image";
import { demoIssues, demoPause, demoPublication, issue1253 } from "./content";
import { SAMPLE_NOTE } from "./sample";
import type { Polygon } from "./types";

const MARKER = "内蒙古将聚焦三大目标,推动人工智能发展迈上新台阶。";

/** Ray casting; sample points never sit on zone edges (see below), so edges need no special care. */
function inside([x, y]: [number, number], polygon: Polygon): boolean {
  let hit = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i]!;
    const [xj, yj] = polygon[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

const allPages = demoIssues.flatMap((issue) => issue.pages.map((page) => ({ issue, page })));

describe("demo content", () => {
  it("follows the Monday/Thursday schedule with consecutive issue numbers", () => {
    expect(demoIssues.map((i) => [i.number, i.date])).toEqual([
      [1249, "2026-04-16"],
      [1250, "2026-04-20"],
      [1251, "2026-04-23"],
      [1252, "2026-04-27"],
      [1253, "2026-04-30"],
    ]);
    for (const issue of demoIssues) {
      expect(isIsoDate(issue.date)).toBe(true);
      expect(demoPublication.weekdays).toContain(isoWeekday(issue.date));
      expect(issue.pages.map((p) => p.number)).toEqual(issue.pages.map((_, i) => i + 1));
    }
    expect(issue1253.publishedAt.toISOString()).toBe("2026-04-29T22:00:00.000Z");
    expect(issue1253.pages).toHaveLength(8);
    expect(isoWeekday(demoPause.startsOn)).toBe(1);
  });

  it("gives every page 2–4 articles whose zones lie inside the page and never overlap", () => {
    const N = 200;
    for (const { issue, page } of allPages) {
      const where = `${issue.date} p${page.number}`;
      expect(page.articles.length, where).toBeGreaterThanOrEqual(page.number === 1 && issue.number === 1253 ? 4 : 2);
      expect(page.articles.length, where).toBeLessThanOrEqual(4);
      const top = page.number === 1 ? MASTHEAD_BOTTOM : HEADER_BOTTOM;
      for (const article of page.articles) {
        expect(article.zones.length, article.title).toBeGreaterThan(0);
        for (const zone of article.zones) {
          expect(zone.length).toBeGreaterThanOrEqual(3);
          for (const [x, y] of zone) {
            expect(x).toBeGreaterThanOrEqual(0);
            expect(x).toBeLessThanOrEqual(1);
            expect(y, `${where} ${article.title}`).toBeGreaterThan(top);
            expect(y).toBeLessThanOrEqual(0.97);
          }
        }
      }
      // Sample at cell centres, (i + 0.5) / 200: never on a zone edge drawn at a multiple of 0.005.
      const overlaps: string[] = [];
      for (let i = 0; i < N; i++) {
        for (let j = 0; j < N; j++) {
          const p: [number, number] = [(i + 0.5) / N, (j + 0.5) / N];
          const owners = page.articles.filter((a) => a.zones.some((z) => inside(p, z)));
          if (owners.length > 1) overlaps.push(`${p} in ${owners.map((a) => a.title).join(" & ")}`);
        }
      }
      expect(overlaps.slice(0, 3), where).toEqual([]);
    }
  });

  it("marks every article except the real front page of 1253 as sample content", () => {
    for (const { issue, page } of allPages) {
      for (const article of page.articles) {
        if (issue.number === 1253 && page.number === 1) {
          expect(article.isSample).toBe(false);
          continue;
        }
        expect(article.isSample, article.title).toBe(true);
        expect(article.kicker).toBe("【示例】");
        expect(article.paragraphs[0]!.startsWith(SAMPLE_NOTE)).toBe(true);
        expect(article.paragraphs.length).toBeGreaterThanOrEqual(1);
      }
    }
    const sampleAccess = allPages.flatMap(({ page }) => page.articles.filter((a) => a.isSample).map((a) => a.access));
    expect(sampleAccess.filter((a) => a === "subscribers").length).toBeGreaterThan(sampleAccess.filter((a) => a === "free").length);
    expect(sampleAccess).toContain("free");
  });

  it("carries the four front-page items of 2026-04-30 with clean, rejoined paragraphs", () => {
    const front = issue1253.pages[0]!;
    expect(front.name).toBe("要闻");
    expect(front.articles.map((a) => [a.column ?? null, a.title, a.access])).toEqual([
      [null, "内蒙古全面推动人工智能赋能千行百业", "subscribers"],
      ["图片新闻", "“五一”临近 旅游升温", "free"],
      ["休刊公告", "休刊公告", "free"],
      ["财信时讯", "内蒙古推出知识产权赋能措施", "subscribers"],
    ]);
    const [ai, , notice, ip] = front.articles;
    expect(ai!.paragraphs[0]).toMatch(/^4月23日,内蒙古自治区人民政府新闻办举行新闻发布会,.*进行政策解读。$/);
    expect(ai!.paragraphs[0]).not.toContain(MARKER);
    expect(ai!.paragraphs.slice(1).join("")).toContain(MARKER);
    expect(notice!.paragraphs.slice(1)).toEqual(["财信报社", "2026年4月30日"]);
    expect(ip!.subtitle).toBe("精准对接自贸试验区建设");
    for (const article of [ai!, ip!]) {
      for (const paragraph of article.paragraphs) {
        // A paragraph broken where a print column broke would end mid-sentence.
        expect(paragraph, paragraph.slice(0, 20)).toMatch(/[。”)]$/);
        expect(paragraph).not.toMatch(/\n/);
      }
    }
    for (const joined of ["新一代智能终端", "创新平台建设", "更好服务品质生活", "区域辐射力"]) expect(ai!.paragraphs.join("")).toContain(joined);
    for (const joined of ["(以下简称", "知识产权安全屏障", "乳业交易中心", "知识产权综合服务"]) expect(ip!.paragraphs.join("")).toContain(joined);
  });
});
