import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { UploadWithProgress } from "@/components/admin/upload-with-progress";
import { Panel } from "@/components/ui/form-parts";
import { requireStaff } from "@/lib/access";
import { loadSchedule } from "@/lib/calendar";
import { todayInPaperZone } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/config";
import { logoUrl, weekdaysText } from "@/lib/publication-settings";
import { getPublicationProfile } from "@/lib/publication-settings";
import { weekdaysOn } from "@/lib/schedule";
import { MeteringForm, PublicationProfileForm, RemoveLogoButton } from "./settings-forms";

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "adminPublishing.settings" });
  return { title: t("metaTitle") };
}

/** The publication profile. Weekdays are changed with dates on /admin/schedule, not here. */
export default async function SettingsPage({ params }: { params: Params }) {
  const locale = (await params).locale as Locale;
  setRequestLocale(locale);
  await requireStaff("/admin/settings", ["admin"]);
  const t = await getTranslations("adminPublishing.settings");
  const [profile, schedule] = await Promise.all([getPublicationProfile(), loadSchedule()]);
  if (!profile) {
    return <p role="alert">{t("missing")}</p>;
  }
  const logo = logoUrl(profile.logoKey);
  const gloss = (text: string, size = "text-xs") => (text ? <span className={`font-sans ${size} font-normal text-muted`}>{text}</span> : null);
  return (
    <div className="space-y-6">
      <h1 className="font-serif text-2xl font-bold">
        {t("title")} {gloss(t("titleGloss"), "text-sm")}
      </h1>
      <div className="grid gap-6 lg:grid-cols-2">
        <Panel labelledBy="profile-heading">
          <h2 id="profile-heading" className="mb-3 font-serif text-lg font-bold">
            {t("profileHeading")} {gloss(t("profileHeadingGloss"))}
          </h2>
          <PublicationProfileForm
            initial={{
              name: profile.name,
              slogan: profile.slogan,
              cnNumber: profile.cnNumber,
              sponsor: profile.sponsor,
              publisher: profile.publisher,
              hotline: profile.hotline,
              timeZone: profile.timeZone,
            }}
          />
        </Panel>
        <div className="space-y-6">
          <Panel labelledBy="weekdays-heading">
            <h2 id="weekdays-heading" className="mb-2 font-serif text-lg font-bold">
              {t("weekdaysHeading")} {gloss(t("weekdaysHeadingGloss"))}
            </h2>
            <p>{t("current", { schedule: weekdaysText(weekdaysOn(todayInPaperZone(), schedule), locale) })}</p>
            <p className="mt-2 text-sm text-muted">{t("weekdaysNote")}</p>
            <p className="mt-3 text-sm">
              <Link href="/admin/schedule" className="text-brand underline-offset-4 hover:underline">
                {t("scheduleLink")}
              </Link>
            </p>
          </Panel>
          <Panel labelledBy="metering-heading">
            <h2 id="metering-heading" className="mb-2 font-serif text-lg font-bold">
              {t("meteringHeading")} {gloss(t("meteringHeadingGloss"))}
            </h2>
            <p className="mb-3 text-sm text-muted">{t("meteringIntro")}</p>
            <MeteringForm initial={{ anonymousPerMonth: String(profile.meterAnonymousPerMonth), memberPerMonth: String(profile.meterMemberPerMonth) }} />
          </Panel>
          <Panel labelledBy="logo-heading">
            <h2 id="logo-heading" className="mb-3 font-serif text-lg font-bold">
              {t("logoHeading")} {gloss(t("logoHeadingGloss"))}
            </h2>
            {logo ? (
              <div className="mb-4 space-y-3">
                {/* eslint-disable-next-line @next/next/no-img-element -- a stored upload served by our own route */}
                <img src={logo} alt={t("logoAlt", { name: profile.name })} className="max-h-24 max-w-full rounded border border-rule bg-white p-2" />
                <RemoveLogoButton />
              </div>
            ) : (
              <p className="mb-4 text-sm text-muted">{t("noLogo")}</p>
            )}
            <UploadWithProgress
              url="/admin/settings/logo"
              accept="image/png,image/jpeg,image/webp,image/gif"
              label={logo ? t("replaceLogo") : t("uploadLogo")}
              hint={t("logoHint")}
              maxBytes={10 * 1024 * 1024}
              buttonLabel={t("upload")}
            />
          </Panel>
        </div>
      </div>
    </div>
  );
}
