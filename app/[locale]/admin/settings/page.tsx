import type { Metadata } from "next";
import Link from "next/link";
import { UploadWithProgress } from "@/components/admin/upload-with-progress";
import { Panel } from "@/components/ui/form-parts";
import { requireStaff } from "@/lib/access";
import { loadSchedule } from "@/lib/calendar";
import { todayInPaperZone } from "@/lib/dates";
import { logoUrl, weekdaysText } from "@/lib/publication-settings";
import { getPublicationProfile } from "@/lib/publication-settings";
import { weekdaysOn } from "@/lib/schedule";
import { MeteringForm, PublicationProfileForm, RemoveLogoButton } from "./settings-forms";

export const metadata: Metadata = { title: "报社资料" };

/** The publication profile. Weekdays are changed with dates on /admin/schedule, not here. */
export default async function SettingsPage() {
  await requireStaff("/admin/settings", ["admin"]);
  const [profile, schedule] = await Promise.all([getPublicationProfile(), loadSchedule()]);
  if (!profile) {
    return <p role="alert">报社资料缺失:请先运行 npm run db:seed。</p>;
  }
  const logo = logoUrl(profile.logoKey);
  return (
    <div className="space-y-6">
      <h1 className="font-serif text-2xl font-bold">
        报社资料 <span className="font-sans text-sm font-normal text-muted">Publication settings</span>
      </h1>
      <div className="grid gap-6 lg:grid-cols-2">
        <Panel labelledBy="profile-heading">
          <h2 id="profile-heading" className="mb-3 font-serif text-lg font-bold">
            基本资料 <span className="font-sans text-xs font-normal text-muted">Profile</span>
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
              出版日 <span className="font-sans text-xs font-normal text-muted">Publication days</span>
            </h2>
            <p>目前{weekdaysText(weekdaysOn(todayInPaperZone(), schedule))}。</p>
            <p className="mt-2 text-sm text-muted">出版日按日期生效,已出版的报纸保持原日程,因此在“出版日程”页修改。</p>
            <p className="mt-3 text-sm">
              <Link href="/admin/schedule" className="text-brand underline-offset-4 hover:underline">
                修改出版日程 →
              </Link>
            </p>
          </Panel>
          <Panel labelledBy="metering-heading">
            <h2 id="metering-heading" className="mb-2 font-serif text-lg font-bold">
              免费阅读 <span className="font-sans text-xs font-normal text-muted">Metered free articles</span>
            </h2>
            <p className="mb-3 text-sm text-muted">
              未订阅的读者每个自然月(北京时间)可免费阅读几篇订阅文章全文,重读同一篇不重复计数;免费文章、订阅读者和工作人员不计。
            </p>
            <MeteringForm initial={{ anonymousPerMonth: String(profile.meterAnonymousPerMonth), memberPerMonth: String(profile.meterMemberPerMonth) }} />
          </Panel>
          <Panel labelledBy="logo-heading">
            <h2 id="logo-heading" className="mb-3 font-serif text-lg font-bold">
              报社标志 <span className="font-sans text-xs font-normal text-muted">Logo</span>
            </h2>
            {logo ? (
              <div className="mb-4 space-y-3">
                {/* eslint-disable-next-line @next/next/no-img-element -- a stored upload served by our own route */}
                <img src={logo} alt={`${profile.name} 标志(当前)`} className="max-h-24 max-w-full rounded border border-rule bg-white p-2" />
                <RemoveLogoButton />
              </div>
            ) : (
              <p className="mb-4 text-sm text-muted">尚未上传标志,读者页面使用默认报头。</p>
            )}
            <UploadWithProgress
              url="/admin/settings/logo"
              accept="image/png,image/jpeg,image/webp,image/gif"
              label={logo ? "更换标志" : "上传标志"}
              hint="PNG、JPEG、WebP 或 GIF,最大 10 MB;将缩放至最宽 800 像素,透明背景会填充为白色。"
              maxBytes={10 * 1024 * 1024}
              buttonLabel="上传"
            />
          </Panel>
        </div>
      </div>
    </div>
  );
}
