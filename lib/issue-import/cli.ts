import { countReport, type ReportItem } from "./report";
import type { ImportOutcome } from "./index";

/**
 * The command line of `npm run import-issue`: argument parsing and the printed
 * report, kept apart from the script so both are testable as functions.
 */
export const USAGE = [
  "用法 Usage: npm run import-issue -- PATH [--dry-run] [--allow-off-day] [--as EMAIL]",
  "  PATH             期次包:文件夹或 .zip / an issue package: a folder or a .zip",
  "  --dry-run        只检查,不导入 / check only, import nothing",
  "  --allow-off-day  允许在休刊日或非出版日导入 / accept a pause or non-publication day",
  "  --as EMAIL       以该编辑或管理员的名义导入(默认 system)/ import as this editor or admin (default: system)",
].join("\n");

export type CliArgs = { path: string; dryRun: boolean; allowOffDay: boolean; as: string | null };

export function parseArgs(argv: readonly string[]): { ok: true; args: CliArgs } | { ok: false; help?: boolean; error?: string } {
  const args: CliArgs = { path: "", dryRun: false, allowOffDay: false, as: null };
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--help" || arg === "-h") return { ok: false, help: true };
    else if (arg === "--dry-run") args.dryRun = true;
    else if (arg === "--allow-off-day") args.allowOffDay = true;
    else if (arg === "--as" || arg.startsWith("--as=")) {
      const value = arg === "--as" ? argv[++i] : arg.slice(5);
      if (!value || value.startsWith("--")) return { ok: false, error: "--as 需要一个邮箱 / --as needs an email" };
      args.as = value.trim().toLowerCase();
    } else if (arg.startsWith("-")) return { ok: false, error: `未知选项 ${arg} / unknown option ${arg}` };
    else paths.push(arg);
  }
  if (paths.length !== 1) return { ok: false, error: paths.length ? "只能给出一个期次包 / give one package only" : "请给出期次包的路径 / give the package path" };
  args.path = paths[0]!;
  return { ok: true, args };
}

const marks = { error: "✗ 错误 error", warning: "! 提示 warning" } as const;

/** Two lines per item: Chinese, then English, under the item's path. */
export function formatReportLines(report: readonly ReportItem[]): string[] {
  return report.flatMap((item) => [`${marks[item.level]}  ${item.path}: ${item.message}`, `    ${item.english}`]);
}

export function formatOutcome(outcome: ImportOutcome, appUrl?: string): string[] {
  const lines = formatReportLines(outcome.report);
  const { errors, warnings } = countReport(outcome.report);
  if (!outcome.ok) {
    lines.push(`未导入:${errors}个错误,${warnings}个提示。修正后再试。`, `Not imported: ${errors} error(s), ${warnings} warning(s). Fix them and run again.`);
    return lines;
  }
  const { date, number, pages, articles, photos } = outcome.summary;
  const what = `总第${number}期 (${date}),${pages}版,${articles}篇文章,${photos}张图片`;
  const whatEn = `issue no. ${number} (${date}), ${pages} pages, ${articles} articles, ${photos} photos`;
  if (outcome.dryRun) {
    lines.push(`检查通过,可以导入:${what}。未写入任何内容(--dry-run)。`, `Check passed: ${whatEn}. Nothing was written (--dry-run).`);
  } else {
    const link = appUrl ? `${appUrl.replace(/\/$/, "")}/admin/issues/${outcome.issueId}` : `/admin/issues/${outcome.issueId}`;
    lines.push(`已导入为草稿:${what}。请在后台检查后出版:${link}`, `Imported as a draft: ${whatEn}. Review and publish it at ${link}`);
  }
  return lines;
}

/** 0 imported or checked, 1 the package is invalid (or the actor may not import). */
export const exitCodeFor = (outcome: ImportOutcome): 0 | 1 => (outcome.ok ? 0 : 1);
