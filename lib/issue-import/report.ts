/**
 * The import report: one line per problem, each naming the item it is about
 * ("articles[3].photos[0].file") so whoever built the package can find and fix
 * it. Errors block the import; warnings are shown and do not.
 * Pure (no database, no Node APIs): the admin page renders these too.
 */
export type ReportLevel = "error" | "warning";

export type ReportItem = {
  level: ReportLevel;
  /** Where in the package: a JSON path into issue.json, a file path, or "package". */
  path: string;
  /** Chinese, for the editors. */
  message: string;
  /** The same in English, for the CLI's second line and for support. */
  english: string;
};

export const PACKAGE_PATH = "package";
export const MANIFEST = "issue.json";

export const problem = (path: string, message: string, english: string): ReportItem => ({ level: "error", path, message, english });
export const warning = (path: string, message: string, english: string): ReportItem => ({ level: "warning", path, message, english });

export const hasErrors = (report: readonly ReportItem[]): boolean => report.some((item) => item.level === "error");

/** ["articles", 3, "photos", 0, "file"] → "articles[3].photos[0].file". */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out ? `.${String(segment)}` : String(segment);
  }
  return out || MANIFEST;
}

/** Errors first, then warnings; within each, in the order found (which follows the file). */
export function sortReport(report: readonly ReportItem[]): ReportItem[] {
  return [...report.filter((i) => i.level === "error"), ...report.filter((i) => i.level === "warning")];
}

export function countReport(report: readonly ReportItem[]): { errors: number; warnings: number } {
  const errors = report.filter((i) => i.level === "error").length;
  return { errors, warnings: report.length - errors };
}
