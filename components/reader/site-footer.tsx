export function SiteFooter() {
  return (
    <footer className="mt-10 border-t border-rule bg-white/60 text-xs text-muted">
      <div className="mx-auto max-w-6xl px-4 py-6 leading-6 sm:px-6">
        <p>财信报社出版 · 国内统一连续出版物号 CN 15-0042 · 主管主办:内蒙古新华报业中心</p>
        <p>新闻热线:(0471) 3122969 · 每周一、周四出版</p>
      </div>
    </footer>
  );
}
