/**
 * Search benchmark: seeds a 10-year archive (about 1,000 issues, 100,000
 * generated Chinese articles) into a fresh PostgreSQL database and reports
 * search p50/p95 for 20 queries of one to four characters.
 *
 *   npx tsx --conditions=react-server scripts/bench-search.ts
 *
 * DATABASE_URL names the server (default postgres://postgres@127.0.0.1:5432/postgres);
 * a new database is created on it and dropped afterwards (KEEP_BENCH_DB=1 keeps
 * it and prints its URL). BENCH_ISSUES / BENCH_ARTICLES_PER_ISSUE shrink the run.
 * `--seed-only` seeds into the database DATABASE_URL names and measures nothing
 * (scripts/bench-archive.mjs measures search and the article page on it).
 * `seedSearchArchive(db)` is exported for other benchmarks (article page p99 at size).
 */
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { searchVectorFor } from "@/lib/search-index";

// ── Generated text: a seeded PRNG over a word bank, Zipf-weighted ──

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
type Rand = () => number;

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** Common words of business reporting, most frequent first. */
const GENERAL = words(`
  发展 企业 经济 市场 工作 推进 建设 提升 项目 服务 我们 今年 政策 加快 全面 重点 持续 实现 相关 进一步
  增长 部门 地区 领域 产业 管理 体系 水平 质量 创新 改革 有效 积极 稳定 记者 表示 目前 同时 方面 通过
  数据 机制 合作 支持 资金 投资 消费 城市 农村 群众 社会 安全 环境 规划 能力 基础 指导 组织 措施 保障
  落实 推动 促进 完善 深化 优化 扩大 坚持 强化 统筹 协调 确保 形成 开展 围绕 聚焦 立足 着力 不断 显著
  国家 全国 全省 全市 基层 一线 干部 员工 客户 用户 居民 家庭 学生 青年 老人 专家 学者 负责人 工作人员 代表
  第一季度 上半年 去年同期 同比增长 环比 百分点 亿元 万元 万人 公里 吨 家 个 项 次 年度 月份 近日 日前 截至
  数字化 智能化 绿色 低碳 高质量 现代化 一体化 标准化 品牌 渠道 平台 链条 集群 园区 基地 中心 窗口 热线 站点 网络
  知识 经验 人才 团队 技术 设备 系统 产品 价格 成本 收入 利润 效益 规模 结构 比重 速度 趋势 前景 信心
  内蒙古 呼和浩特 包头 鄂尔多斯 草原 黄河 北方 边疆 牧区 口岸 沿边 西部 东部 中部 京津冀 长三角 粤港澳 大湾区 省会 县域
`);

/** Words of each 栏目's beat. */
const TOPICS: Record<string, string[]> = {
  要闻: words("会议 部署 决策 精神 领导 调研 讲话 强调 要求 目标 任务 战略 大局 全局 统一 号召 动员 成效 经验做法 一带一路"),
  财经: words("金融 银行 贷款 利率 存款 债券 股票 基金 保险 证券 融资 信贷 汇率 央行 降准 流动性 理财 上市 并购 估值"),
  财税: words("税收 减税 降费 纳税人 增值税 所得税 退税 税务局 征管 发票 财政 预算 专项债 转移支付 税费 优惠 申报 税源 稽查 留抵"),
  产业: words("乳业 乳制品 乳品 奶源 牧场 奶牛 制造业 工业 产能 订单 供应链 产业链 龙头企业 中小企业 稀土 煤炭 新能源 风电 光伏 氢能"),
  科技: words("人工智能 大数据 云计算 算力 芯片 半导体 研发 专利 知识产权 实验室 科研 数字经济 互联网 电商 直播 软件 机器人 自动驾驶 5G AI"),
  法治: words("法律 法规 条例 执法 司法 法院 检察 诉讼 合同 纠纷 维权 监管 合规 知识产权 普法 律师 审判 判决 调解 仲裁"),
  民生: words("就业 社保 医保 养老 医疗 教育 住房 物价 菜篮子 供暖 交通 出行 社区 志愿者 托育 健康 食品安全 消费者 菜价 补贴"),
  农牧: words("农业 牧业 粮食 播种 收获 耕地 种子 农机 养殖 牛羊 饲草 合作社 农民 牧民 乡村振兴 特色产业 农产品 电商助农 品牌农业 灌溉"),
  消费: words("消费 零售 商超 餐饮 旅游 文旅 景区 假期 客流 夜经济 促销 以旧换新 汽车 家电 新品 直播带货 会展 老字号 免税 购物"),
  外贸: words("外贸 出口 进口 口岸 通关 跨境 海关 集装箱 中欧班列 自贸试验区 贸易 外资 关税 订单 港口 物流 边贸 俄罗斯 蒙古国 东盟"),
  观点: words("评论 观察 思考 建议 认为 值得 关键 本质 逻辑 路径 问题 挑战 机遇 风险 底线 长远 短期 理性 共识 启示"),
  副刊: words("故事 回忆 时光 家乡 母亲 父亲 草原 星空 马头琴 长调 诗歌 散文 书法 读书 年味 美食 炊烟 牧歌 远方 童年"),
};
const COLUMNS = Object.keys(TOPICS);
const CONNECTORS = words("的 和 与 在 为 对 将 已 并 把 从 向 也 还 都 等 以及 其中 此外 同时 但是 因此");
const PAGE_NAMES = ["要闻", "综合", "财经", "产业", "区域", "民生", "观点", "副刊"];
const SURNAMES = words("王 李 张 刘 陈 杨 赵 黄 周 吴 徐 孙 马 胡 朱 郭 何 林 高 乌兰");
const GIVEN = words("伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 涛 明 超 霞 平 刚 其其格 巴特尔 格日勒");

/** Picks rank i with weight 1/(i+1): a few words very often, most rarely, as in real text. */
function zipfPicker(list: string[], rand: Rand) {
  const cumulative: number[] = [];
  let sum = 0;
  for (let i = 0; i < list.length; i++) cumulative.push((sum += 1 / (i + 1)));
  return () => {
    const x = rand() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return list[lo]!;
  };
}

function textGenerator(seed: number) {
  const rand = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]!;
  const general = zipfPicker(GENERAL, rand);
  const topics = Object.fromEntries(COLUMNS.map((c) => [c, zipfPicker(TOPICS[c]!, rand)]));
  const word = (column: string) => (rand() < 0.3 ? topics[column]!() : general());

  const sentence = (column: string) => {
    const clauses = int(1, 3);
    const parts: string[] = [];
    for (let c = 0; c < clauses; c++) {
      let clause = "";
      for (let w = int(3, 7); w > 0; w--) clause += word(column) + (rand() < 0.35 ? pick(CONNECTORS) : "");
      parts.push(clause);
    }
    return parts.join(rand() < 0.8 ? "，" : "、") + (rand() < 0.92 ? "。" : "；");
  };
  const paragraph = (column: string, target: number) => {
    let text = "";
    while (text.length < target) text += sentence(column);
    return text;
  };
  return {
    int,
    pick,
    rand,
    column: () => pick(COLUMNS),
    title: (column: string) => {
      let text = "";
      for (let w = int(3, 6); w > 0; w--) text += word(column);
      return text.slice(0, 24);
    },
    name: () => pick(SURNAMES) + pick(GIVEN) + (rand() < 0.5 ? pick(GIVEN) : ""),
    body: (column: string) => {
      const target = int(600, 2000);
      const paragraphs: string[] = [];
      let length = 0;
      while (length < target) {
        const p = paragraph(column, Math.min(int(60, 220), target - length + 20));
        paragraphs.push(p);
        length += p.length;
      }
      return paragraphs.join("\n\n");
    },
    word,
  };
}

// ── Seeding ──

type Options = { issues?: number; articlesPerIssue?: number; seed?: number; log?: (line: string) => void };

const PAGES_PER_ISSUE = 8;
const ISSUES_PER_BATCH = 10;

/** Publication days going back from `before`: Mondays and Thursdays, newest first. */
function archiveDates(count: number, before: string): string[] {
  const dates: string[] = [];
  const day = new Date(`${before}T00:00:00Z`);
  while (dates.length < count) {
    day.setUTCDate(day.getUTCDate() - 1);
    const weekday = day.getUTCDay();
    if (weekday === 1 || weekday === 4) dates.push(day.toISOString().slice(0, 10));
  }
  return dates;
}

const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];

/**
 * Seeds the archive of 总第249–1248期 (the ten years before the demo's 1249),
 * published, with pages, articles (is_sample) and their search rows. Skips
 * issues whose date or number already exists. The GIN indexes are dropped
 * during the load and rebuilt after it, which is much faster than updating
 * them row by row; their definitions are read back from the database.
 */
export async function seedSearchArchive(db: Db, options: Options = {}): Promise<{ issues: number; articles: number; ms: number }> {
  const { issues: issueCount = 1000, articlesPerIssue = 100, seed = 20260430, log = () => {} } = options;
  const started = performance.now();
  const gen = textGenerator(seed);
  const dates = archiveDates(issueCount, "2026-04-16");
  const issueRows = dates.map((date, i) => ({ date, number: 1248 - i, page_count: PAGES_PER_ISSUE }));
  const created = rowsOf<{ id: number; date: string }>(
    await db.execute(sql`
      insert into issues (date, number, page_count, status, publish_at, published_at)
      select r.date, r.number, r.page_count, 'published', (r.date::timestamp - interval '2 hours') at time zone 'Asia/Shanghai', (r.date::timestamp - interval '2 hours') at time zone 'Asia/Shanghai'
      from json_to_recordset(${JSON.stringify(issueRows)}::json) as r(date date, number integer, page_count smallint)
      where not exists (select 1 from issues i where i.date = r.date or i.number = r.number)
      returning id, to_char(date, 'YYYY-MM-DD') as date`),
  );
  const pageRows = created.flatMap((issue) => PAGE_NAMES.map((name, p) => ({ issue_id: issue.id, number: p + 1, name })));
  const pagesCreated = rowsOf<{ id: number; issue_id: number; number: number }>(
    await db.execute(sql`
      insert into pages (issue_id, number, name)
      select * from json_to_recordset(${JSON.stringify(pageRows)}::json) as r(issue_id integer, number smallint, name text)
      returning id, issue_id, number`),
  );
  const pageOf = new Map(pagesCreated.map((p) => [`${p.issue_id}:${p.number}`, p.id]));
  log(`  ${created.length} issues, ${pagesCreated.length} pages`);

  const ginIndexes = rowsOf<{ indexname: string; indexdef: string }>(
    await db.execute(sql`select indexname, indexdef from pg_indexes where tablename = 'article_search' and indexdef ilike '%using gin%'`),
  );
  for (const index of ginIndexes) await db.execute(sql.raw(`drop index if exists "${index.indexname}"`));

  let articleTotal = 0;
  let pending: Promise<unknown> = Promise.resolve();
  for (let b = 0; b < created.length; b += ISSUES_PER_BATCH) {
    const batchIssues = created.slice(b, b + ISSUES_PER_BATCH);
    const count = batchIssues.length * articlesPerIssue;
    const ids = rowsOf<{ id: number }>(await db.execute(sql`select nextval('articles_id_seq')::int as id from generate_series(1, ${count})`)).map((r) => r.id);
    const articleRows: Record<string, unknown>[] = [];
    const searchRows: Record<string, unknown>[] = [];
    let next = 0;
    for (const issue of batchIssues) {
      for (let a = 0; a < articlesPerIssue; a++) {
        const pageNumber = 1 + Math.floor((a * PAGES_PER_ISSUE) / articlesPerIssue);
        const column = gen.column();
        const article = {
          title: gen.title(column),
          kicker: gen.rand() < 0.3 ? gen.title(column).slice(0, 12) : null,
          subtitle: gen.rand() < 0.4 ? gen.title(column) : null,
          column,
          byline: `记者 ${gen.name()}`,
          body: gen.body(column),
          access: (gen.rand() < 0.3 ? "subscribers" : "free") as "free" | "subscribers",
        };
        const id = ids[next++]!;
        articleRows.push({ id, issue_id: issue.id, page_id: pageOf.get(`${issue.id}:${pageNumber}`), position: a, source: "财信报", ...article });
        searchRows.push({ article_id: id, issue_id: issue.id, column, ...searchVectorFor(article) });
      }
    }
    // The database writes this batch while the next one is generated.
    await pending;
    pending = db.transaction(async (tx) => {
      await tx.execute(sql`
        insert into articles (id, issue_id, page_id, "column", kicker, title, subtitle, byline, source, body, access, position, is_sample)
        select r.id, r.issue_id, r.page_id, r."column", r.kicker, r.title, r.subtitle, r.byline, r.source, r.body, r.access::access_level, r.position, true
        from json_to_recordset(${JSON.stringify(articleRows)}::json)
          as r(id integer, issue_id integer, page_id integer, "column" text, kicker text, title text, subtitle text, byline text, source text, body text, access text, position smallint)`);
      await tx.execute(sql`
        insert into article_search (article_id, issue_id, "column", head, body)
        select r.article_id, r.issue_id, r."column", r.head::tsvector, r.body::tsvector
        from json_to_recordset(${JSON.stringify(searchRows)}::json) as r(article_id integer, issue_id integer, "column" text, head text, body text)`);
    });
    articleTotal += count;
    if ((b / ISSUES_PER_BATCH) % 10 === 9) log(`  ${articleTotal.toLocaleString("en-US")} articles (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  await pending;

  const indexStarted = performance.now();
  await db.execute(sql`set maintenance_work_mem = '512MB'`);
  for (const index of ginIndexes) await db.execute(sql.raw(index.indexdef));
  await db.execute(sql`analyze issues`);
  await db.execute(sql`analyze pages`);
  await db.execute(sql`analyze articles`);
  await db.execute(sql`analyze article_search`);
  log(`  GIN indexes rebuilt and tables analysed in ${((performance.now() - indexStarted) / 1000).toFixed(1)} s`);
  return { issues: created.length, articles: articleTotal, ms: performance.now() - started };
}

// ── Measuring ──

export const BENCH_QUERIES = [
  "乳", "碳", "税", "知识", "乳业", "税收", "经济", "发展", "金融", "消费",
  "芯片", "内蒙古", "新能源", "高质量", "自贸区", "人工智能", "数字经济", "知识产权", "乡村振兴", "一带一路",
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main() {
  process.env.DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/postgres";
  const { freshDatabase } = await import("@/db/testing/fresh-database");
  const { searchArticles } = await import("@/lib/search");
  const issues = Number(process.env.BENCH_ISSUES ?? 1000);
  const articlesPerIssue = Number(process.env.BENCH_ARTICLES_PER_ISSUE ?? 100);
  const runs = Number(process.env.BENCH_RUNS ?? 5);

  // BENCH_REUSE_DB=1 measures the database DATABASE_URL names as it is (e.g. one kept with KEEP_BENCH_DB=1).
  if (process.argv.includes("--seed-only")) {
    // scripts/bench-archive.mjs: seed the archive into its own (migrated, demo-seeded) database and stop.
    const db = await (await import("@/db/client")).getDb();
    const seeded = await seedSearchArchive(db, { issues, articlesPerIssue, log: (line) => console.log(line) });
    console.log(`Seeded ${seeded.issues} issues and ${seeded.articles.toLocaleString("en-US")} articles in ${(seeded.ms / 1000).toFixed(1)} s.`);
    await (await import("@/db/client")).closeDb();
    return;
  }
  const reuse = process.env.BENCH_REUSE_DB === "1";
  const { db, drop } = reuse
    ? { db: await (await import("@/db/client")).getDb(), drop: async () => {} }
    : await freshDatabase();
  try {
    console.log(`Search benchmark: ${reuse ? "measuring" : `seeding ${issues} issues × ${articlesPerIssue} articles into`} ${new URL(process.env.DATABASE_URL!).pathname.slice(1)}…`);
    const seeded = reuse ? { issues: 0, articles: 0, ms: 0 } : await seedSearchArchive(db, { issues, articlesPerIssue, log: (line) => console.log(line) });
    const [size] = rowsOf<{ articles: string; search: string }>(
      await db.execute(sql`select pg_size_pretty(pg_total_relation_size('articles')) as articles, pg_size_pretty(pg_total_relation_size('article_search')) as search`),
    );
    console.log(`Seeded ${seeded.issues} issues and ${seeded.articles.toLocaleString("en-US")} articles in ${(seeded.ms / 1000).toFixed(1)} s (articles ${size?.articles}, search index ${size?.search}).`);

    // One warm-up pass: the first query of a process pays for connections and plan caches.
    for (const q of BENCH_QUERIES) await searchArticles({ q });
    const all: number[] = [];
    const table: { query: string; chars: number; total: number; p50: number; max: number }[] = [];
    for (const q of BENCH_QUERIES) {
      const times: number[] = [];
      let total = 0;
      for (let r = 0; r < runs; r++) {
        const t = performance.now();
        const result = await searchArticles({ q });
        times.push(performance.now() - t);
        total = result?.total ?? 0;
      }
      times.sort((a, b) => a - b);
      all.push(...times);
      table.push({ query: q, chars: [...q].length, total, p50: percentile(times, 50), max: times[times.length - 1]! });
    }
    // Filtered searches, as readers narrow a common word down.
    const filtered: number[] = [];
    for (const q of ["经济", "税收", "人工智能"]) {
      for (const filter of [{ column: "财经" }, { from: "2024-01-01", to: "2024-12-31" }, { page: "5" }]) {
        const t = performance.now();
        await searchArticles({ q, ...filter });
        filtered.push(performance.now() - t);
      }
    }
    all.sort((a, b) => a - b);
    filtered.sort((a, b) => a - b);
    console.log("\nquery        chars   matches   p50 ms   max ms");
    for (const row of table) {
      console.log(`${row.query.padEnd(8, "　")} ${String(row.chars).padStart(5)} ${String(row.total).padStart(9)} ${row.p50.toFixed(1).padStart(8)} ${row.max.toFixed(1).padStart(8)}`);
    }
    const p95 = percentile(all, 95);
    console.log(`\nsearch (${all.length} runs of ${BENCH_QUERIES.length} queries, page 1): p50 ${percentile(all, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms — target ≤ 150 ms: ${p95 <= 150 ? "met" : "MISSED"}`);
    console.log(`with filters (栏目, one year, page 5; ${filtered.length} runs): p50 ${percentile(filtered, 50).toFixed(1)} ms, p95 ${percentile(filtered, 95).toFixed(1)} ms`);
    if (p95 > 150) process.exitCode = 1;
  } finally {
    if (process.env.KEEP_BENCH_DB === "1" || reuse) console.log(`Kept the database: ${process.env.DATABASE_URL}`);
    else await drop();
    const { closeDb } = await import("@/db/client");
    await closeDb();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
