import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ImportPackageForm } from "@/components/admin/import-package-form";
import { Panel } from "@/components/ui/form-parts";
import { requireStaff } from "@/lib/access";
import type { Locale } from "@/lib/i18n/config";
import { maxUploadBytes } from "@/lib/uploads/limits";
import { Gloss } from "../gloss";

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "adminIssues.importPage" });
  return { title: t("metaTitle") };
}

/** The example manifest: content of the Chinese paper, shown as it is in both languages. */
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

export default async function ImportIssuePage({ params }: { params: Params }) {
  const { locale } = await params;
  setRequestLocale(locale as Locale);
  await requireStaff("/admin/issues/import");
  const t = await getTranslations("adminIssues");
  const code = (chunks: React.ReactNode) => <code className="mx-1 rounded bg-stone-100 px-1 text-xs">{chunks}</code>;
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <p className="text-sm">
        <Link href="/admin/issues" className="text-muted hover:text-brand">
          {t("common.backToIssues")}
        </Link>
      </p>
      <h1 className="font-serif text-2xl font-bold">
        {t("importPage.title")}{" "}
        <Gloss text={t("importPage.titleGloss")} className="font-sans text-sm font-normal text-muted" />
      </h1>
      <p className="text-sm text-muted">{t.rich("importPage.intro", { code })}</p>
      <Panel>
        <ImportPackageForm url="/admin/issues/import/upload" maxBytes={maxUploadBytes()} />
      </Panel>
      <details className="rounded-md border border-rule bg-white/60 px-4 py-3 text-sm">
        <summary className="cursor-pointer font-medium">
          {t("importPage.example")}{" "}
          <Gloss text={t("importPage.exampleGloss")} className="text-xs font-normal text-muted" />
        </summary>
        <div className="mt-3 space-y-2 text-muted">
          <p>{t("importPage.exampleNotes")}</p>
          <pre className="overflow-x-auto rounded bg-stone-100 p-3 text-xs text-ink">{EXAMPLE}</pre>
        </div>
      </details>
    </div>
  );
}
