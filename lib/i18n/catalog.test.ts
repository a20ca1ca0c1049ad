import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { catalogs } from "./messages";
import { translatorFor } from "./translate";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** The argument and tag names a message uses: both languages must take the same ones. */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.argument || element.type === TYPE.number || element.type === TYPE.date || element.type === TYPE.time) into.add(element.value);
    if (element.type === TYPE.tag) {
      into.add(`<${element.value}>`);
      argumentsOf(element.children, into);
    }
    if (element.type === TYPE.select || element.type === TYPE.plural) {
      into.add(element.value);
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    }
  }
  return into;
}

const zh = flatten(catalogs["zh-CN"] as unknown as Tree);
const en = flatten(catalogs.en as unknown as Tree);

describe("message catalogs", () => {
  it("English has every message Chinese has, and no others", () => {
    expect([...en.keys()].filter((k) => !zh.has(k))).toEqual([]);
    expect([...zh.keys()].filter((k) => !en.has(k))).toEqual([]);
  });

  it("every message parses and both languages take the same arguments", () => {
    const mismatched: string[] = [];
    for (const [key, zhText] of zh) {
      const enText = en.get(key);
      if (enText === undefined) continue;
      const zhArgs = [...argumentsOf(parse(zhText))].sort();
      const enArgs = [...argumentsOf(parse(enText))].sort();
      if (zhArgs.join() !== enArgs.join()) mismatched.push(`${key}: ${zhArgs.join()} ≠ ${enArgs.join()}`);
    }
    expect(mismatched).toEqual([]);
  });

  it("English text has no Chinese characters left in it", () => {
    const untranslated = [...en].filter(([, text]) => /\p{Script=Han}/u.test(text)).map(([key, text]) => `${key}: ${text}`);
    expect(untranslated).toEqual([]);
  });

  it("a translator formats arguments in each language", () => {
    expect(translatorFor("zh-CN", "common.header")("today")).toBe("今日报纸");
    expect(translatorFor("en", "common.header")("today")).toBe("Today's issue");
  });
});
