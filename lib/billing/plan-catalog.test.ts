import { describe, expect, it } from "vitest";
import { defaultPlans, localizePlan, planText } from "./plan-catalog";

describe("plan texts", () => {
  it("has English for every default plan's name, description and benefits", () => {
    for (const plan of defaultPlans) {
      for (const text of [plan.name, plan.description, ...(plan.benefits ?? [])]) {
        const english = planText(text, "en");
        expect(english).not.toBe(text);
        expect(english).not.toMatch(/\p{Script=Han}/u);
      }
    }
  });

  it("keeps the stored Chinese, and text staff rewrote", () => {
    const monthly = { name: "数字版 · 按月订阅", description: "新的说明", benefits: ["每期全部文章与版面"] };
    expect(localizePlan(monthly, "zh-CN")).toBe(monthly);
    expect(localizePlan(monthly, "en")).toEqual({ name: "Digital · Monthly", description: "新的说明", benefits: ["Every article and page of every issue"] });
  });
});
