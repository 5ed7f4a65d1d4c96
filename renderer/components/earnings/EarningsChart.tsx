import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { DayTotals } from '../../../src/api/ledger-schemas';
import { localeOf } from '../../lib/format-time';
import { tokensForChart } from '../../lib/ledger-view';
import { formatNumber } from '../../lib/number-format';

/** Earned and net per day over the last 30 days. */
export function EarningsChart({ days }: { days: DayTotals[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  // Ticks at chart precision (never used for sums): 3 significant digits read well.
  const tick = (value: number) =>
    new Intl.NumberFormat(localeOf(language), { maximumSignificantDigits: 3 }).format(value);
  const data = days.map((d) => ({
    day: new Date(`${d.date}T12:00:00`).toLocaleDateString(localeOf(language), {
      day: 'numeric',
      month: 'short',
    }),
    earned: tokensForChart(d.earned),
    net: tokensForChart(d.net),
  }));
  return (
    <div className="chart" role="img" aria-label={t('ui:earnings.chart.label')}>
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={data} margin={{ top: 18, right: 8, bottom: 0, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2ddd0" />
          <XAxis dataKey="day" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
          <YAxis
            tick={{ fontSize: 11 }}
            width={56}
            tickFormatter={tick}
            label={{
              value: t('ui:earnings.chart.unit'),
              position: 'top',
              offset: 8,
              fontSize: 11,
              dx: 14,
            }}
          />
          <Tooltip formatter={(value) => `${formatNumber(Number(value), language, 6)} LMB`} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar
            dataKey="earned"
            name={t('ui:earnings.earned')}
            fill="#2f7d4f"
            isAnimationActive={false}
          />
          <Bar dataKey="net" name={t('ui:earnings.net')} fill="#c9822b" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
