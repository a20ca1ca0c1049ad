import type { Metadata } from "next";
import { connection } from "next/server";
import { requireStaff } from "@/lib/access";
import { chineseMonthDay, chineseWeekday, todayInPaperZone } from "@/lib/dates";
import { distributionDays, type DistributionDay } from "@/lib/delivery-holds";
import { CSV_DAYS, listStart, readShippingAddress } from "./holds-csv";

export const metadata: Metadata = { title: "暂停投递" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** For distribution: which print subscribers get no paper on each of the coming publication days. */
export default async function DeliveryHoldsAdminPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  // The admin layout checks too, but a layout is not a guard for the page it wraps.
  await requireStaff("/admin/delivery");
  const query = await searchParams;
  const today = todayInPaperZone();
  const from = listStart(typeof query.from === "string" ? query.from : null, today);
  const days = await distributionDays(from, CSV_DAYS, today);
  const total = days.reduce((sum, d) => sum + d.holds.length, 0);
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="font-serif text-2xl font-bold">
            暂停投递 <span className="font-sans text-sm font-normal text-muted">Delivery holds</span>
          </h1>
          <p className="mt-1 text-sm text-muted">
            {from === today ? "今后" : `${chineseMonthDay(from)}起`} {CSV_DAYS} 天的出版日,以及当天不投递的纸质版订户(共 {total} 份)。期号为预计,以实际出版为准。
          </p>
        </div>
        <a
          href={`/admin/delivery/holds.csv${from === today ? "" : `?from=${from}`}`}
          download
          className="inline-flex items-center rounded-md bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark"
        >
          下载 CSV <span className="ml-1 text-xs opacity-80">Download</span>
        </a>
      </header>
      <form method="get" className="flex flex-wrap items-end gap-2 text-sm">
        <label htmlFor="delivery-from" className="flex flex-col gap-1">
          <span>
            起始日期{" "}
            <span aria-hidden="true" className="text-xs text-muted">
              From
            </span>
          </span>
          <input id="delivery-from" name="from" type="date" defaultValue={from} className="rounded-md border border-rule bg-white px-3 py-1.5" />
        </label>
        <button className="rounded-md border border-rule bg-white px-3 py-1.5 hover:border-ink">查看 Show</button>
      </form>
      {days.length === 0 ? (
        <p className="rounded-md border border-dashed border-rule px-4 py-6 text-center text-sm text-muted">这 {CSV_DAYS} 天没有出版日。</p>
      ) : (
        <ul className="space-y-4">
          {days.map((day) => (
            <DayItem key={day.date} day={day} />
          ))}
        </ul>
      )}
    </div>
  );
}

function DayItem({ day }: { day: DistributionDay }) {
  const headingId = `day-${day.date}`;
  return (
    <li aria-labelledby={headingId} className="rounded-lg border border-rule bg-white/60 p-4" data-date={day.date}>
      <h2 id={headingId} className="flex flex-wrap items-baseline gap-x-2 font-medium">
        {chineseMonthDay(day.date)} {chineseWeekday(day.date)}
        {day.number !== null ? (
          <span className="text-sm text-muted">
            {day.estimated ? "预计" : ""}总第{day.number}期
          </span>
        ) : null}
        <span className="text-sm text-muted">· 暂停 {day.holds.length} 份</span>
      </h2>
      {day.holds.length === 0 ? null : (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full min-w-[36rem] text-left text-sm">
            <thead className="text-xs text-muted">
              <tr>
                <th scope="col" className="py-1 pr-3 font-normal">订户 Subscriber</th>
                <th scope="col" className="py-1 pr-3 font-normal">地址 Address</th>
                <th scope="col" className="py-1 font-normal">暂停期间 Hold</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-rule">
              {day.holds.map((hold) => {
                const a = readShippingAddress(hold.shippingAddress);
                return (
                  <tr key={hold.holdId} className="align-top">
                    <td className="py-2 pr-3">
                      <span className="block">{a.name || hold.name || "—"}</span>
                      <span className="block break-all text-xs text-muted">{hold.email}</span>
                    </td>
                    <td className="py-2 pr-3">
                      {[a.state, a.city, a.line1, a.line2].filter(Boolean).join(" ") || "—"}
                      {a.postalCode ? <span className="block text-xs text-muted">邮编 {a.postalCode}</span> : null}
                    </td>
                    <td className="whitespace-nowrap py-2">
                      {chineseMonthDay(hold.startsOn)}至{chineseMonthDay(hold.endsOn)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </li>
  );
}
