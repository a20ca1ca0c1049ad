import type { Metadata } from "next";
import Link from "next/link";
import { Panel } from "@/components/ui/form-parts";
import { requireStaff } from "@/lib/access";
import { COMP_NOTE_MAX } from "@/lib/billing/comp";
import { checkReaderImport, IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, isClean, NAME_MAX, type ImportReport } from "@/lib/reader-csv";
import { ConfirmImportForm } from "../reader-forms";
import { loadStagedImport } from "./staging";

export const metadata: Metadata = { title: "批量导入读者" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");
const count = (v: string) => (/^\d{1,6}$/.test(v) ? Number(v) : 0);
const SHOWN_PROBLEMS = 500;

const uploadErrors: Record<string, string> = {
  "no-file": "请选择一个 CSV 文件。",
  "too-large": `文件过大:最多 ${IMPORT_MAX_BYTES / 1024 / 1024} MB。`,
};

export default async function ImportReadersPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireStaff("/admin/readers/import", ["admin"]);
  const query = await searchParams;
  const check = one(query.check);
  const staged = check ? await loadStagedImport(check, viewer.id) : null;
  const checked = staged ? ((await checkReaderImport(viewer.id, staged.csv)) as ImportReport) : null;
  const uploadError = uploadErrors[one(query.error)];
  const done = one(query.done) === "1";

  return (
    <div className="mx-auto max-w-4xl space-y-5">
      <p className="text-sm">
        <Link href="/admin/readers" className="text-muted hover:text-brand">
          ← 读者
        </Link>
      </p>
      <h1 className="font-serif text-2xl font-bold">
        批量导入读者 <span className="font-sans text-sm font-normal text-muted">Import readers</span>
      </h1>

      {done ? (
        <p role="status" className="rounded-md border border-emerald-700/30 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          导入完成:新建 {count(one(query.new))} 个账户,已有账户 {count(one(query.existing))} 个,赠阅 {count(one(query.comps))} 条。
        </p>
      ) : null}
      {uploadError ? (
        <p role="alert" className="rounded-md border border-brand/30 bg-brand/5 px-3 py-2 text-sm text-brand">
          {uploadError}
        </p>
      ) : null}
      {check && !staged ? (
        <p role="alert" className="rounded-md border border-brand/30 bg-brand/5 px-3 py-2 text-sm text-brand">
          这个检查结果已失效(超过一小时或已导入),请重新上传文件。
        </p>
      ) : null}

      {checked && staged ? <Report report={checked} fileName={staged.fileName} check={check} /> : null}

      <Panel labelledBy="import-upload">
        <h2 id="import-upload" className="mb-3 font-serif text-lg font-bold">
          {checked ? "重新上传" : "上传文件"} <span className="font-sans text-xs font-normal text-muted">Upload CSV</span>
        </h2>
        <form method="post" action="/admin/readers/import/check" encType="multipart/form-data" className="space-y-3">
          <div className="space-y-1.5">
            <label htmlFor="import-file" className="text-sm font-medium">
              CSV 文件 <span className="text-xs font-normal text-muted">CSV file</span>
            </label>
            <input id="import-file" name="file" type="file" accept=".csv,text/csv" required aria-describedby="import-format" className="block w-full text-sm" />
          </div>
          <button type="submit" className="rounded-md border border-ink bg-white px-4 py-2 text-sm hover:bg-stone-100">
            检查文件 <span className="text-xs text-muted">Check (dry run)</span>
          </button>
          <p className="text-xs text-muted">先检查,不写入任何数据;检查无误后才能确认导入。</p>
        </form>
      </Panel>

      <Panel labelledBy="import-format-heading">
        <h2 id="import-format-heading" className="mb-3 font-serif text-lg font-bold">
          文件格式 <span className="font-sans text-xs font-normal text-muted">Format</span>
        </h2>
        <div id="import-format" className="space-y-2 text-sm">
          <p>
            UTF-8 或 Excel 保存的 CSV(GB18030 亦可),第一行为表头 <code className="rounded bg-stone-100 px-1">email,name,comp_until,note</code>,每行一位读者,最多 {IMPORT_MAX_ROWS} 行。
          </p>
          <ul className="list-disc space-y-1 pl-5">
            <li>
              <b>email</b>:必填,不区分大小写;文件内不得重复。已注册的邮箱不会被修改,只会按本行获得赠阅。
            </li>
            <li>
              <b>name</b>:选填,最多 {NAME_MAX} 个字符;只用于新建的账户。
            </li>
            <li>
              <b>comp_until</b>:留空 = 只建账户、不赠阅;<code>YYYY-MM-DD</code> = 赠阅到该日结束(北京时间);<code>open</code> = 长期赠阅,直到收回。
            </li>
            <li>
              <b>note</b>:赠阅备注,最多 {COMP_NOTE_MAX} 个字符;只在赠阅时填写。
            </li>
          </ul>
          <p>新账户没有密码:读者在登录页选择「邮件登录」,用邮件中的链接或登录码登录。导入要么全部成功,要么不写入任何数据。</p>
          <pre className="overflow-x-auto rounded-md bg-stone-100 p-3 text-xs">{`email,name,comp_until,note
wang.li@example.cn,王丽,2026-12-31,合作单位
zhang@example.cn,张三,open,记者证
reader@example.cn,,,`}</pre>
        </div>
      </Panel>
    </div>
  );
}

function Report({ report, fileName, check }: { report: ImportReport; fileName: string; check: string }) {
  const clean = isClean(report);
  return (
    <Panel labelledBy="import-report">
      <h2 id="import-report" className="mb-3 font-serif text-lg font-bold">
        检查结果 <span className="font-sans text-xs font-normal text-muted">Dry run</span>
      </h2>
      <p className="mb-3 text-sm text-muted break-all">文件:{fileName}</p>
      {report.fileError ? (
        <p role="alert" className="rounded-md border border-brand/30 bg-brand/5 px-3 py-2 text-sm text-brand">
          {report.fileError}
        </p>
      ) : (
        <>
          <dl className="mb-4 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
            {[
              ["数据行", report.rows],
              ["新建账户", report.newAccounts],
              ["已有账户", report.existingAccounts],
              ["赠阅", report.compsToGrant],
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
              summary={`检查通过。确认后将新建 ${report.newAccounts} 个账户、赠阅 ${report.compsToGrant} 条(已有账户 ${report.existingAccounts} 个)。`}
            />
          ) : (
            <>
              <p role="alert" className="mb-3 rounded-md border border-brand/30 bg-brand/5 px-3 py-2 text-sm text-brand">
                {report.problems.length} 行有错误,不能导入。请修改文件后重新上传。
              </p>
              <div className="overflow-x-auto">
                <table className="w-full text-left text-sm">
                  <caption className="sr-only">有错误的行</caption>
                  <thead className="border-b border-rule text-xs text-muted">
                    <tr>
                      <th scope="col" className="px-3 py-2 font-medium">行号</th>
                      <th scope="col" className="px-3 py-2 font-medium">邮箱</th>
                      <th scope="col" className="px-3 py-2 font-medium">问题</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-rule">
                    {report.problems.slice(0, SHOWN_PROBLEMS).map((p) => (
                      <tr key={p.line} data-line={p.line}>
                        <td className="px-3 py-2">第{p.line}行</td>
                        <td className="px-3 py-2 break-all">{p.email || "—"}</td>
                        <td className="px-3 py-2">{p.messages.join(";")}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {report.problems.length > SHOWN_PROBLEMS ? <p className="mt-2 text-sm text-muted">只列出前 {SHOWN_PROBLEMS} 行。</p> : null}
            </>
          )}
        </>
      )}
    </Panel>
  );
}
