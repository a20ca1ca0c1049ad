import { getTranslations } from "next-intl/server";
import { footerFacts, weekdaysText } from "@/lib/publication-settings";

/**
 * The publication's imprint, from the profile admins edit on /admin/settings.
 * Reader pages are cached, so this renders once per cached page; saving the
 * profile re-renders them (revalidatePath("/", "layout")).
 */
export async function SiteFooter() {
  const [facts, t] = await Promise.all([footerFacts(), getTranslations("reader.footer")]);
  return (
    <footer className="mt-10 border-t border-rule bg-white/60 text-xs text-muted">
      <div className="mx-auto max-w-6xl px-4 py-6 leading-6 sm:px-6">
        <p>{t("imprint", { publisher: facts.publisher, cnNumber: facts.cnNumber, sponsor: facts.sponsor })}</p>
        <p>
          {t("hotline", { hotline: facts.hotline })} · {weekdaysText(facts.weekdays)}
        </p>
      </div>
    </footer>
  );
}
