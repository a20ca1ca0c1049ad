import { useTranslations } from "next-intl";
import { useId } from "react";

/**
 * A small bar chart drawn as SVG on the server: no chart library, no client
 * JavaScript. Screen readers get the title and description, and a visually
 * hidden table holds the numbers themselves.
 */
export type BarSeries = { name: string; values: readonly number[]; className: string; swatch: string };

export function BarChart({
  title,
  description,
  labels,
  series,
  tickEvery = 7,
  formatLabel = (label) => label.slice(5),
}: {
  title: string;
  description: string;
  /** One per bar group (a day "YYYY-MM-DD"). */
  labels: readonly string[];
  series: readonly BarSeries[];
  /** Label every n-th group on the axis (the last one always). */
  tickEvery?: number;
  formatLabel?: (label: string) => string;
}) {
  const id = useId();
  const t = useTranslations("adminQr.chart");
  const width = 600;
  const height = 180;
  const top = 12;
  const bottom = 22;
  const left = 32;
  const plotHeight = height - top - bottom;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const groupWidth = (width - left) / Math.max(1, labels.length);
  const barWidth = Math.max(1, (groupWidth * 0.8) / series.length);
  const y = (value: number) => top + plotHeight - (value / max) * plotHeight;

  return (
    <figure className="space-y-2">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="h-auto w-full">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <line x1={left} x2={width} y1={top + plotHeight} y2={top + plotHeight} className="stroke-stone-300" />
        <text x={left - 4} y={top + 4} textAnchor="end" className="fill-stone-500 text-[10px]">
          {max}
        </text>
        <text x={left - 4} y={top + plotHeight} textAnchor="end" className="fill-stone-500 text-[10px]">
          0
        </text>
        {labels.map((label, i) => {
          const x0 = left + i * groupWidth + groupWidth * 0.1;
          const showTick = i === labels.length - 1 || (labels.length - 1 - i) % tickEvery === 0;
          return (
            <g key={label}>
              {series.map((s, j) => {
                const value = s.values[i] ?? 0;
                return value > 0 ? (
                  <rect key={s.name} x={x0 + j * barWidth} y={y(value)} width={barWidth - 0.5} height={top + plotHeight - y(value)} className={s.className}>
                    <title>{t("bar", { label, series: s.name, value: String(value) })}</title>
                  </rect>
                ) : null;
              })}
              {showTick ? (
                <text x={x0 + (barWidth * series.length) / 2} y={height - 6} textAnchor="middle" className="fill-stone-500 text-[10px]">
                  {formatLabel(label)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      {series.length > 1 ? (
        <figcaption aria-hidden="true" className="flex flex-wrap gap-4 text-xs text-muted">
          {series.map((s) => (
            <span key={s.name} className="flex items-center gap-1">
              <span className={`inline-block h-2.5 w-2.5 rounded-sm ${s.swatch}`} /> {s.name}
            </span>
          ))}
        </figcaption>
      ) : null}
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t("date")}</th>
            {series.map((s) => (
              <th key={s.name} scope="col">
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {labels.map((label, i) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {series.map((s) => (
                <td key={s.name}>{s.values[i] ?? 0}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
