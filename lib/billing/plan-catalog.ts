import type { plans } from "@/db/schema";

type PlanRow = typeof plans.$inferInsert;

/**
 * The plans the paper sells, as first written to the database. Staff may change
 * prices later; the keys are stable (Stripe lookup keys and URLs use them).
 */
export const defaultPlans: PlanRow[] = [
  {
    key: "digital-monthly",
    name: "数字版 · 按月订阅",
    description: "每月自动续费,可随时取消。首次订阅免费试读 7 天。",
    benefits: ["每期全部文章与版面", "往期回顾全部内容", "首次订阅 7 天免费试读"],
    kind: "recurring",
    interval: "month",
    months: 1,
    amountFen: 2500,
    trialDays: 7,
    position: 1,
  },
  {
    key: "digital-yearly",
    name: "数字版 · 按年订阅",
    description: "每年自动续费,比按月订阅节省两个月。",
    benefits: ["每期全部文章与版面", "往期回顾全部内容", "相当于每月 ¥20"],
    kind: "recurring",
    interval: "year",
    months: 12,
    amountFen: 24000,
    position: 2,
  },
  {
    key: "digital-prepaid-1",
    name: "数字版 · 1 个月",
    description: "一次付清,不自动续费。支持银行卡、支付宝、微信支付。",
    benefits: ["每期全部文章与版面", "到期不自动扣费"],
    kind: "prepaid",
    months: 1,
    amountFen: 3000,
    giftable: true,
    position: 3,
  },
  {
    key: "digital-prepaid-3",
    name: "数字版 · 3 个月",
    description: "一次付清,不自动续费。支持银行卡、支付宝、微信支付。",
    benefits: ["每期全部文章与版面", "到期不自动扣费"],
    kind: "prepaid",
    months: 3,
    amountFen: 8000,
    giftable: true,
    position: 4,
  },
  {
    key: "digital-prepaid-12",
    name: "数字版 · 12 个月",
    description: "一次付清,不自动续费。支持银行卡、支付宝、微信支付。",
    benefits: ["每期全部文章与版面", "到期不自动扣费", "相当于每月约 ¥21.7"],
    kind: "prepaid",
    months: 12,
    amountFen: 26000,
    giftable: true,
    position: 5,
  },
  {
    key: "print-digital-yearly",
    name: "纸质 + 数字 · 按年订阅",
    description: "每周一、周四送报上门,并含全部数字版内容。每年自动续费。",
    benefits: ["纸质报纸送达(需填写收报地址)", "每期全部文章与版面", "往期回顾全部内容"],
    kind: "recurring",
    interval: "year",
    months: 12,
    amountFen: 48000,
    includesPrint: true,
    position: 6,
  },
];
