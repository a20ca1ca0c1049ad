import { chineseDate, chineseWeekday } from "@/lib/dates";
import type { Issue, Publication } from "@/lib/editions";

export function Masthead({ publication, issue }: { publication: Publication; issue: Issue }) {
  return (
    <header className="border-b-4 border-double border-ink pb-3 text-center">
      <p className="text-xs tracking-wide text-muted">{publication.slogan}</p>
      <h1 className="my-1 font-serif text-5xl font-black tracking-[0.3em] text-brand sm:text-6xl">{publication.name}</h1>
      <p className="flex flex-wrap justify-center gap-x-3 gap-y-1 text-sm">
        <span>
          {chineseDate(issue.date)} {chineseWeekday(issue.date)}
        </span>
        <span>总第{issue.number}期</span>
        <span>今日{issue.pageCount}版</span>
      </p>
      <p className="mt-1 flex flex-wrap justify-center gap-x-3 text-xs text-muted">
        <span>国内统一连续出版物号: {publication.cnNumber}</span>
        <span>
          主管主办: {publication.sponsor} {publication.publisher}出版
        </span>
        <span>新闻热线: {publication.hotline}</span>
      </p>
    </header>
  );
}
