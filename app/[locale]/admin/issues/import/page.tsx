import type { Metadata } from "next";
import Link from "next/link";
import { ImportPackageForm } from "@/components/admin/import-package-form";
import { Panel } from "@/components/ui/form-parts";
import { requireStaff } from "@/lib/access";
import { maxUploadBytes } from "@/lib/uploads/limits";

export const metadata: Metadata = { title: "导入期次" };

const EXAMPLE = `{
  "version": 1,
  "date": "2026-06-01",
  "number": 1261,
  "pages": [
    { "number": 1, "name": "要闻", "editor": "王芳", "file": "pages/1.pdf" },
    { "number": 2, "name": "财经", "file": "pages/2.png" }
  ],
  "articles": [
    {
      "page": 1,
      "title": "全市外贸进出口同比增长百分之八",
      "byline": "本报记者 陈静",
      "body": "第一段……\\n\\n第二段……",
      "access": "free",
      "hotZones": [{ "points": [[0.05, 0.1], [0.95, 0.1], [0.95, 0.45], [0.05, 0.45]] }],
      "photos": [{ "file": "photos/port.jpg", "caption": "港区一角。", "credit": "赵磊 摄" }]
    }
  ]
}`;

export default async function ImportIssuePage() {
  await requireStaff("/admin/issues/import");
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <p className="text-sm">
        <Link href="/admin/issues" className="text-muted hover:text-brand">
          ← 期次
        </Link>
      </p>
      <h1 className="font-serif text-2xl font-bold">
        导入期次 <span className="font-sans text-sm font-normal text-muted">Import an issue package</span>
      </h1>
      <p className="text-sm text-muted">
        上传一个 .zip 期次包:最上层是 issue.json(日期、期号、各版及其文件、文章、热区与图片),以及其中引用的版面 PDF/图片、照片和正文文件。
        系统先检查全部内容,逐项列出问题;全部无误才会在一次操作中导入。导入的期次为草稿,检查后再出版。命令行可用
        <code className="mx-1 rounded bg-stone-100 px-1 text-xs">npm run import-issue -- 路径</code>导入同样的包。
      </p>
      <Panel>
        <ImportPackageForm url="/admin/issues/import/upload" maxBytes={maxUploadBytes()} />
      </Panel>
      <details className="rounded-md border border-rule bg-white/60 px-4 py-3 text-sm">
        <summary className="cursor-pointer font-medium">
          issue.json 示例 <span className="text-xs font-normal text-muted">Example</span>
        </summary>
        <div className="mt-3 space-y-2 text-muted">
          <p>
            每版一个文件(单页 PDF,或 PNG/JPEG/WebP 图片);正文为 Markdown,可写在 body 中,也可用 bodyFile 指向包内的 .md 文件;access 为
            free(免费)或 subscribers(订户);热区坐标为版面的相对位置(0 至 1)。未知字段一律报错,以免拼写错误被忽略。完整说明见 docs/issue-package.md。
          </p>
          <pre className="overflow-x-auto rounded bg-stone-100 p-3 text-xs text-ink">{EXAMPLE}</pre>
        </div>
      </details>
    </div>
  );
}
