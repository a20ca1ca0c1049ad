import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Panel } from "@/components/ui/form-parts";
import { requireStaff } from "@/lib/access";
import { COMP_NOTE_MAX } from "@/lib/billing/comp";
import type { Locale } from "@/lib/i18n/config";
import { checkReaderImport, IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, isClean, NAME_MAX, type ImportReport } from "@/lib/reader-csv";
import { ConfirmImportForm } from "../reader-forms";
import { loadStagedImport } from "./staging";

type Params = Promise<{ locale: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;
type T = Awaited<ReturnType<typeof getTranslations<"adminPeople.readers.import">>>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");
const count = (v: string) => (/^\d{1,6}$/.test(v) ? Number(v) : 0);
const SHOWN_PROBLEMS = 500;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "adminPeople.readers.import" });
  return { title: t("metaTitle") };
}

/** The short English name the Chinese UI shows beside a heading (none in the English UI). */
const Hint = ({ text, className }: { text: string; className: string }) => (text ? <span className={className}>{text}</span> : null);

export default async function ImportReadersPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const locale = (await params).locale as Locale;
  setRequestLocale(locale);
  const viewer = await requireStaff("/admin/readers/import", ["admin"]);
  const t = await getTranslations("adminPeople.readers.import");
  const query = await searchParams;
  const check = one(query.check);
  const staged = check ? await loadStagedImport(check, viewer.id) : null;
  const checked = staged ? ((await checkReaderImport(viewer.id, staged.csv, new Date(), locale)) as ImportReport) : null;
  const uploadErrors: Record<string, string> = {
    "no-file": t("uploadErrors.noFile"),
    "too-large": t("uploadErrors.tooLarge", { mb: IMPORT_MAX_BYTES / 1024 / 1024 }),
  };
  const uploadError = uploadErrors[one(query.error)];
  const done = one(query.done) === "1";

  return (
    <div className="mx-auto max-w-4xl space-y-5">
      <p className="text-sm">
        <Link href="/admin/readers" className="text-muted hover:text-brand">
          {t("back")}
        </Link>
      </p>
      <h1 className="font-serif text-2xl font-bold">
        {t("title")} <Hint text={t("titleHint")} className="font-sans text-sm font-normal text-muted" />
      </h1>

      {done ? (
        <p role="status" className="rounded-md border border-emerald-700/30 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {t("done", { created: count(one(query.new)), existing: count(one(query.existing)), comps: count(one(query.comps)) })}
        </p>
      ) : null}
      {uploadError ? (
        <p role="alert" className="rounded-md border border-brand/30 bg-brand/5 px-3 py-2 text-sm text-brand">
          {uploadError}
        </p>
      ) : null}
      {check && !staged ? (
        <p role="alert" className="rounded-md border border-brand/30 bg-brand/5 px-3 py-2 text-sm text-brand">
          {t("expired")}
        </p>
      ) : null}

      {checked && staged ? <Report report={checked} fileName={staged.fileName} check={check} t={t} /> : null}

      <Panel labelledBy="import-upload">
        <h2 id="import-upload" className="mb-3 font-serif text-lg font-bold">
          {checked ? t("reupload") : t("upload")} <Hint text={t("uploadHint")} className="font-sans text-xs font-normal text-muted" />
        </h2>
        <form method="post" action="/admin/readers/import/check" encType="multipart/form-data" className="space-y-3">
          <div className="space-y-1.5">
            <label htmlFor="import-file" className="text-sm font-medium">
              {t("file")} <Hint text={t("fileHint")} className="text-xs font-normal text-muted" />
            </label>
            <input id="import-file" name="file" type="file" accept=".csv,text/csv" required aria-describedby="import-format" className="block w-full text-sm" />
          </div>
          <button type="submit" className="rounded-md border border-ink bg-white px-4 py-2 text-sm hover:bg-stone-100">
            {t("check")} <Hint text={t("checkHint")} className="text-xs text-muted" />
          </button>
          <p className="text-xs text-muted">{t("checkNote")}</p>
        </form>
      </Panel>

      <Panel labelledBy="import-format-heading">
        <h2 id="import-format-heading" className="mb-3 font-serif text-lg font-bold">
          {t("format")} <Hint text={t("formatHint")} className="font-sans text-xs font-normal text-muted" />
        </h2>
        <div id="import-format" className="space-y-2 text-sm">
          <p>{t.rich("formatIntro", { maxRows: IMPORT_MAX_ROWS, code: (chunks) => <code className="rounded bg-stone-100 px-1">{chunks}</code> })}</p>
          <ul className="list-disc space-y-1 pl-5">
            <li>{t.rich("emailRule", { b: (chunks) => <b>{chunks}</b> })}</li>
            <li>{t.rich("nameRule", { max: NAME_MAX, b: (chunks) => <b>{chunks}</b> })}</li>
            <li>{t.rich("compRule", { b: (chunks) => <b>{chunks}</b>, code: (chunks) => <code>{chunks}</code> })}</li>
            <li>{t.rich("noteRule", { max: COMP_NOTE_MAX, b: (chunks) => <b>{chunks}</b> })}</li>
          </ul>
          <p>{t("newAccounts")}</p>
          <pre className="overflow-x-auto rounded-md bg-stone-100 p-3 text-xs">{t("example")}</pre>
        </div>
      </Panel>
    </div>
  );
}

function Report({ report, fileName, check, t }: { report: ImportReport; fileName: string; check: string; t: T }) {
  const clean = isClean(report);
  return (
    <Panel labelledBy="import-report">
      <h2 id="import-report" className="mb-3 font-serif text-lg font-bold">
        {t("report.title")} <Hint text={t("report.hint")} className="font-sans text-xs font-normal text-muted" />
      </h2>
      <p className="mb-3 text-sm text-muted break-all">{t("report.fileName", { name: fileName })}</p>
      {report.fileError ? (
        <p role="alert" className="rounded-md border border-brand/30 bg-brand/5 px-3 py-2 text-sm text-brand">
          {report.fileError}
        </p>
      ) : (
        <>
          <dl className="mb-4 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
            {[
              [t("report.rows"), report.rows],
              [t("report.newAccounts"), report.newAccounts],
              [t("report.existingAccounts"), report.existingAccounts],
              [t("report.comps"), report.compsToGrant],
            ].map(([label, value]) => (
              <div key={label} className="rounded-md border border-rule bg-white px-3 py-2">
                <dt className="text-xs text-muted">{label}</dt>
                <dd className="text-lg font-medium">{value}</dd>
              </div>
            ))}
          </dl>
          {clean ? (
            <ConfirmImportForm
              check={check}
              summary={t("report.summary", { created: report.newAccounts, comps: report.compsToGrant, existing: report.existingAccounts })}
            />
          ) : (
            <>
              <p role="alert" className="mb-3 rounded-md border border-brand/30 bg-brand/5 px-3 py-2 text-sm text-brand">
                {t("report.problems", { count: report.problems.length })}
              </p>
              <div className="overflow-x-auto">
                <table className="w-full text-left text-sm">
                  <caption className="sr-only">{t("report.caption")}</caption>
                  <thead className="border-b border-rule text-xs text-muted">
                    <tr>
                      <th scope="col" className="px-3 py-2 font-medium">{t("report.line")}</th>
                      <th scope="col" className="px-3 py-2 font-medium">{t("report.email")}</th>
                      <th scope="col" className="px-3 py-2 font-medium">{t("report.problem")}</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-rule">
                    {report.problems.slice(0, SHOWN_PROBLEMS).map((p) => (
                      <tr key={p.line} data-line={p.line}>
                        <td className="px-3 py-2">{t("report.lineNumber", { line: p.line })}</td>
                        <td className="px-3 py-2 break-all">{p.email || "—"}</td>
                        <td className="px-3 py-2">{p.messages.join(t("report.separator"))}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {report.problems.length > SHOWN_PROBLEMS ? <p className="mt-2 text-sm text-muted">{t("report.shownOnly", { count: SHOWN_PROBLEMS })}</p> : null}
            </>
          )}
        </>
      )}
    </Panel>
  );
}
