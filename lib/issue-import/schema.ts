import { z } from "zod";
import { MAX_BODY_LENGTH } from "@/lib/article-body";
import { isIsoDate } from "@/lib/dates";
import { makeZonesSchema } from "@/lib/hot-zones";
import { translatorFor } from "@/lib/i18n/translate";
import { formatPath, problem, type ReportItem } from "./report";

/**
 * issue.json, the manifest of an issue package (documented in
 * docs/issue-package.md). Strict: an unknown key is an error, so a typo such
 * as "subtitel" or "hotzones" is caught instead of silently dropped.
 *
 * Custom messages are written "中文||English"; `manifestReport` splits them.
 */
export const PACKAGE_VERSION = 1;
/** Same ceiling as the 新建期次 form (lib/issues-admin.ts MAX_PAGES). */
export const MAX_IMPORT_PAGES = 32;
export const MAX_ARTICLES = 300;
export const MAX_PHOTOS_PER_ARTICLE = 20;

const msg = (zh: string, en: string) => `${zh}||${en}`;

/** The hot-zone rules of lib/hot-zones, in both languages as the report wants them. */
const zhText = translatorFor("zh-CN", "adminIssues");
const enText = translatorFor("en", "adminIssues");
const zonesSchema = makeZonesSchema((key, values) => msg(zhText(`zoneRules.${key}`, values), enText(`zoneRules.${key}`, values)));

/**
 * A path inside the package: relative, forward slashes, no "." or "..".
 * A leading "./" is tolerated and dropped.
 */
const packagePath = z
  .string()
  .trim()
  .transform((p) => p.replace(/^(\.\/)+/, ""))
  .pipe(
    z
      .string()
      .min(1, msg("请填写文件路径", "file path is empty"))
      .max(240, msg("文件路径太长", "file path too long"))
      .refine(
        (p) => !p.startsWith("/") && !p.includes("\\") && !/^[a-zA-Z]:/.test(p) && p.split("/").every((s) => s !== "" && s !== "." && s !== ".."),
        msg("文件路径须为包内的相对路径,如 pages/1.pdf", "file path must be relative to the package, e.g. pages/1.pdf"),
      ),
  );

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, msg(`最多${max}个字符`, `at most ${max} characters`));

const optionalText = (max: number) =>
  text(max)
    .optional()
    .transform((v) => (v ? v : null));

const positiveInt = (max: number) =>
  z
    .number()
    .int(msg("须为整数", "must be a whole number"))
    .min(1, msg("须为正整数", "must be 1 or more"))
    .max(max, msg(`不能大于${max}`, `must be at most ${max}`));

export const pageSchema = z.strictObject({
  number: positiveInt(MAX_IMPORT_PAGES),
  name: text(40).min(1, msg("请填写版名,如「要闻」", "page name is empty")),
  editor: optionalText(60),
  file: packagePath.refine((p) => /\.(pdf|png|jpe?g|webp)$/i.test(p), msg("版面文件须为 .pdf、.png、.jpg 或 .webp", "page file must be .pdf, .png, .jpg or .webp")),
});

export const photoSchema = z.strictObject({
  file: packagePath.refine((p) => /\.(png|jpe?g|webp|gif)$/i.test(p), msg("图片须为 .jpg、.png、.webp 或 .gif", "photo must be .jpg, .png, .webp or .gif")),
  caption: optionalText(500),
  credit: optionalText(200),
});

export const articleSchema = z
  .strictObject({
    page: positiveInt(MAX_IMPORT_PAGES),
    column: optionalText(40),
    kicker: optionalText(200),
    title: text(200).min(1, msg("请填写标题", "title is empty")),
    subtitle: optionalText(200),
    byline: optionalText(200),
    source: optionalText(200),
    /** Markdown. */
    body: z.string().max(MAX_BODY_LENGTH, msg(`正文最多${MAX_BODY_LENGTH}个字符`, `body: at most ${MAX_BODY_LENGTH} characters`)).optional(),
    /** A Markdown file in the package, instead of `body`. */
    bodyFile: packagePath.refine((p) => /\.(md|markdown|txt)$/i.test(p), msg("正文文件须为 .md 或 .txt", "body file must be .md or .txt")).optional(),
    access: z.enum(["free", "subscribers"], { error: msg("access 须为 \"free\"(免费)或 \"subscribers\"(订户)", 'access must be "free" or "subscribers"') }),
    position: z.number().int(msg("须为整数", "must be a whole number")).min(0, msg("不能为负数", "must be 0 or more")).max(999, msg("不能大于999", "must be at most 999")).optional(),
    hotZones: zonesSchema.optional(),
    photos: z.array(photoSchema).max(MAX_PHOTOS_PER_ARTICLE, msg(`每篇最多${MAX_PHOTOS_PER_ARTICLE}张图片`, `at most ${MAX_PHOTOS_PER_ARTICLE} photos per article`)).optional(),
  })
  .superRefine((a, ctx) => {
    if ((a.body === undefined) === (a.bodyFile === undefined)) {
      ctx.addIssue({ code: "custom", path: ["body"], message: msg("body 与 bodyFile 须填且只填一个", "give exactly one of body and bodyFile") });
    }
  });

export const manifestSchema = z.strictObject({
  version: z.literal(PACKAGE_VERSION, { error: msg(`version 须为 ${PACKAGE_VERSION}`, `version must be ${PACKAGE_VERSION}`) }),
  date: z.string().refine(isIsoDate, msg("出版日期须为 YYYY-MM-DD 格式的有效日期", "date must be a real date written YYYY-MM-DD")),
  number: positiveInt(999_999),
  pages: z
    .array(pageSchema)
    .min(1, msg("至少需要一个版面", "at least one page is needed"))
    .max(MAX_IMPORT_PAGES, msg(`最多${MAX_IMPORT_PAGES}个版面`, `at most ${MAX_IMPORT_PAGES} pages`)),
  articles: z.array(articleSchema).max(MAX_ARTICLES, msg(`最多${MAX_ARTICLES}篇文章`, `at most ${MAX_ARTICLES} articles`)),
});

export type Manifest = z.output<typeof manifestSchema>;
export type ManifestInput = z.input<typeof manifestSchema>;
export type ManifestArticle = Manifest["articles"][number];

/** Keys someone might reasonably write, with what they most likely meant. */
const hints: Record<string, string> = {
  status: "导入的期次一律为草稿,请在后台出版||imported issues are always drafts; publish them in the admin",
  publish: "导入的期次一律为草稿,请在后台出版||imported issues are always drafts; publish them in the admin",
  zones: "热区字段名为 hotZones||hot zones go in hotZones",
  hotzones: "热区字段名为 hotZones||hot zones go in hotZones",
  images: "图片字段名为 photos||photos go in photos",
  pageNumber: "所在版面字段名为 page||the page goes in page",
  author: "作者字段名为 byline||the author goes in byline",
};

const typeNames: Record<string, [string, string]> = {
  number: ["数字", "a number"],
  int: ["整数", "a whole number"],
  string: ["文字(加引号)", "a string"],
  array: ["列表 [...]", "a list [...]"],
  object: ["对象 {...}", "an object {...}"],
};

function split(message: string, fallbackEnglish: string): [string, string] {
  const at = message.indexOf("||");
  return at >= 0 ? [message.slice(0, at), message.slice(at + 2)] : [message, fallbackEnglish];
}

/** A parse of issue.json's content: the manifest, or one report item per problem. */
export function parseManifest(data: unknown): { ok: true; manifest: Manifest } | { ok: false; report: ReportItem[] } {
  const zh = manifestSchema.safeParse(data, { error: z.locales.zhCN().localeError, reportInput: true });
  if (zh.success) return { ok: true, manifest: zh.data };
  const en = manifestSchema.safeParse(data, { error: z.locales.en().localeError });
  const englishIssues = en.success ? [] : en.error.issues;
  const report: ReportItem[] = [];
  zh.error.issues.forEach((issue, i) => {
    const where = formatPath(issue.path);
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const [hintZh, hintEn] = hints[key] ? split(hints[key], "") : ["可能是拼写错误", "a typo?"];
        report.push(problem(issue.path.length ? `${where}.${key}` : key, `未知字段「${key}」(${hintZh})`, `unknown key "${key}" (${hintEn})`));
      }
      return;
    }
    if (issue.code === "invalid_type" && (issue as { input?: unknown }).input === undefined) {
      report.push(problem(where, "缺少此字段", "required field is missing"));
      return;
    }
    if (issue.code === "invalid_type" && typeNames[issue.expected]) {
      const [zhType, enType] = typeNames[issue.expected]!;
      report.push(problem(where, `须为${zhType}`, `must be ${enType}`));
      return;
    }
    const english = englishIssues[i]?.message ?? issue.message;
    // Messages set in the schema are the same in both parses, and carry their English after "||".
    const fallback = english !== issue.message ? english : issue.path.includes("hotZones") ? "invalid hot zone" : "invalid value";
    const [message, englishMessage] = split(issue.message, fallback);
    report.push(problem(where, message, englishMessage));
  });
  return { ok: false, report };
}
