import { footerFacts, weekdaysText } from "@/lib/publication-settings";

/**
 * The publication's imprint, from the profile admins edit on /admin/settings.
 * Reader pages are cached, so this renders once per cached page; saving the
 * profile re-renders them (revalidatePath("/", "layout")).
 */
export async function SiteFooter() {
  const facts = await footerFacts();
  return (
    <footer className="mt-10 border-t border-rule bg-white/60 text-xs text-muted">
      <div className="mx-auto max-w-6xl px-4 py-6 leading-6 sm:px-6">
        <p>
          {facts.publisher}出版 · 国内统一连续出版物号 {facts.cnNumber} · 主管主办:{facts.sponsor}
        </p>
        <p>
          新闻热线:{facts.hotline} · {weekdaysText(facts.weekdays)}
        </p>
      </div>
    </footer>
  );
}
