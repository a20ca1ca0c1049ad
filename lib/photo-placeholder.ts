import { escapeXml, n, prng, textEl, wrapText } from "./svg-text";

const SANS = "'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

/**
 * A generated illustration standing in for a news photo we may not ship:
 * sky, sun, hills and a meadow of flowers, with the label across the bottom.
 */
export function photoPlaceholderSvg({ width, height, label }: { width: number; height: number; label: string }): string {
  const W = width, H = height;
  const rand = prng(`${label}|${W}x${H}`);
  const unit = Math.min(W, H);
  const hill = (baseY: number, amp: number, phase: number) => {
    let d = `M0 ${n(H)} L0 ${n(baseY)}`;
    const steps = 6;
    for (let i = 1; i <= steps; i++) {
      const x = (W * i) / steps;
      const cx = x - W / steps / 2;
      const cy = baseY - amp * Math.sin((i + phase) * 1.3);
      d += ` Q${n(cx)} ${n(cy)} ${n(x)} ${n(baseY - amp * 0.3 * Math.cos(i + phase))}`;
    }
    return d + ` L${n(W)} ${n(H)} Z`;
  };
  const flowers: string[] = [];
  const colours = ["#f7a1c4", "#ffd966", "#ffffff", "#e86a92", "#c89bf0"];
  for (let i = 0; i < 46; i++) {
    const fx = rand() * W;
    const fy = H * (0.72 + rand() * 0.2);
    const r = unit * (0.012 + rand() * 0.012);
    const colour = colours[Math.floor(rand() * colours.length)]!;
    const petals = [0, 72, 144, 216, 288]
      .map((deg) => {
        const a = (deg * Math.PI) / 180;
        return `<circle cx="${n(fx + Math.cos(a) * r)}" cy="${n(fy + Math.sin(a) * r)}" r="${n(r * 0.8)}"/>`;
      })
      .join("");
    flowers.push(`<g fill="${colour}">${petals}</g><circle cx="${n(fx)}" cy="${n(fy)}" r="${n(r * 0.5)}" fill="#f2b705"/>`);
  }
  const fontSize = Math.max(12, Math.round(unit * 0.045));
  const lines = wrapText(label, (W * 0.9) / fontSize).slice(0, 2);
  const band = lines.length * fontSize * 1.4 + fontSize * 0.8;
  const text = lines
    .map((line, i) => textEl(W / 2, H - band + fontSize * (1.35 + i * 1.4), fontSize, line, `fill="#fff" text-anchor="middle"`))
    .join("");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${SANS}">`,
    `<title>${escapeXml(label)}</title>`,
    `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#8ec5ea"/><stop offset="1" stop-color="#eaf5fb"/></linearGradient></defs>`,
    `<rect width="${W}" height="${H}" fill="url(#sky)"/>`,
    `<circle cx="${n(W * 0.8)}" cy="${n(H * 0.2)}" r="${n(unit * 0.09)}" fill="#ffe08a"/>`,
    `<path d="${hill(H * 0.52, H * 0.1, 0.4)}" fill="#9cc79a"/>`,
    `<path d="${hill(H * 0.64, H * 0.07, 2.1)}" fill="#6aa86a"/>`,
    `<rect y="${n(H * 0.7)}" width="${W}" height="${n(H * 0.3)}" fill="#4f9150"/>`,
    ...flowers,
    `<rect y="${n(H - band)}" width="${W}" height="${n(band)}" fill="#000" fill-opacity="0.45"/>`,
    text,
    `</svg>`,
  ].join("\n");
}
