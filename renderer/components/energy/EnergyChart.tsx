import { useTranslation } from 'react-i18next';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { EnergyHistoryPoint } from '../../../src/api/energy-schemas';
import { localeOf } from '../../lib/format-time';

const HOUR_MS = 3_600_000;
const COLORS = { surplus: '#c9822b', budget: '#2f7d4f', draw: '#3566a8' } as const;

/** Spare power, the GPU's budget and what the GPU drew, over the last hour, in local time. */
export function EnergyChart({
  history,
  now = Date.now(),
}: {
  history: readonly EnergyHistoryPoint[];
  now?: number;
}) {
  const { t, i18n } = useTranslation();
  const clock = (at: number) =>
    new Date(at).toLocaleTimeString(localeOf(i18n.language), {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
  const watts = (value: unknown) =>
    typeof value === 'number' ? t('ui:gauges.watts', { watts: Math.round(value) }) : '—';
  const data = history.map((p) => ({
    at: p.at,
    surplus: p.surplusW,
    budget: p.budgetW,
    draw: p.drawW,
  }));
  const end = Math.max(now, data.at(-1)?.at ?? now);
  // The last hour at most; while it fills in, the axis starts at the first reading so the
  // lines are not squeezed into a sliver at the right edge.
  const start = Math.max(end - HOUR_MS, data[0]?.at ?? end - HOUR_MS);
  const lines = [
    { key: 'surplus', name: t('ui:energy.chart.surplus'), color: COLORS.surplus },
    { key: 'budget', name: t('ui:energy.chart.budget'), color: COLORS.budget },
    { key: 'draw', name: t('ui:energy.chart.draw'), color: COLORS.draw },
  ] as const;

  if (data.length < 2) return <p className="muted">{t('ui:energy.chart.empty')}</p>;
  return (
    <div
      className="chart energy-chart"
      role="img"
      aria-label={t('ui:energy.chart.label')}
      data-testid="energy-chart"
    >
      <ResponsiveContainer width="100%" height={220}>
        <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e4e0d8" strokeDasharray="3 3" />
          <XAxis
            dataKey="at"
            type="number"
            scale="time"
            domain={[start, end]}
            tickFormatter={clock}
            tick={{ fontSize: 11 }}
            tickCount={7}
          />
          <YAxis tick={{ fontSize: 11 }} width={56} unit=" W" />
          <Tooltip
            labelFormatter={(at) => (typeof at === 'number' ? clock(at) : '')}
            formatter={(value) => watts(value)}
          />
          <Legend wrapperStyle={{ fontSize: 13 }} />
          {lines.map((line) => (
            <Line
              key={line.key}
              type="stepAfter"
              dataKey={line.key}
              name={line.name}
              stroke={line.color}
              strokeWidth={line.key === 'surplus' ? 2 : 1.5}
              strokeDasharray={line.key === 'budget' ? '6 3' : undefined}
              dot={false}
              isAnimationActive={false}
              connectNulls={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
