import type { SparkPoint } from "@/lib/domain/series-view";

const WIDTH = 120;
const HEIGHT = 32;

/**
 * A tiny trend line drawn on the server as plain SVG: no chart library in the browser for it.
 * A missing quarter breaks the line instead of dropping it to zero.
 */
export function Sparkline({ points, label }: { points: readonly SparkPoint[]; label: string }) {
  const values = points.flatMap((point) => (point.value === null ? [] : [point.value]));
  if (values.length < 2) return null;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const step = points.length > 1 ? WIDTH / (points.length - 1) : 0;
  const segments: string[] = [];
  let pen = "M";
  points.forEach((point, index) => {
    if (point.value === null) {
      pen = "M";
      return;
    }
    const x = (index * step).toFixed(1);
    const y = (HEIGHT - 2 - ((point.value - min) / span) * (HEIGHT - 4)).toFixed(1);
    segments.push(`${pen}${x},${y}`);
    pen = "L";
  });
  const first = points[0];
  const last = points.at(-1);
  return (
    <svg
      className="sparkline"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      role="img"
      aria-label={`${label}, trend from ${first?.quarter} to ${last?.quarter}`}
    >
      <path d={segments.join(" ")} fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}
