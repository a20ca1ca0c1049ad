export const JS_BUDGET_BYTES: number;
export const BUDGET_ROUTES: { label: string; route: string }[];
export function scriptsInHtml(html: string): string[];
export function entryScriptsOfManifest(source: string): string[];
export function routeScripts(distDir: string, route: string): { kind: "missing" | "route handler" | "prerendered HTML" | "manifests"; files: string[] };
export type JsBudgetRow = {
  route: string;
  from: string;
  scripts: number;
  rawBytes: number;
  gzipBytes: number;
  brotliBytes: number;
  frameworkGzipBytes: number;
  budgetBytes: number;
  result: "PASS" | "FAIL";
  unreadable?: number;
};
export function jsBudget(options?: { distDir?: string; routes?: { label: string; route: string }[]; budget?: number; cwd?: string }): { rows: JsBudgetRow[]; ok: boolean };
export function printJsBudget(result: { rows: JsBudgetRow[] }): void;
