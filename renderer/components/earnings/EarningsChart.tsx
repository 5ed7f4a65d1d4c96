import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DayTotals } from '../../../src/api/ledger-schemas';
import { tokensForChart } from '../../lib/ledger-view';

/** Earned and net per day over the last 30 days. */
export function EarningsChart({ days }: { days: DayTotals[] }) {
  const { t } = useTranslation();
  const data = days.map((d) => ({
    day: d.date.slice(5),
    earned: tokensForChart(d.earned),
    net: tokensForChart(d.net),
  }));
  return (
    <div className="chart" role="img" aria-label={t('ui:earnings.chart.label')}>
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2ddd0" />
          <XAxis dataKey="day" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
          <YAxis tick={{ fontSize: 11 }} width={48} />
          <Tooltip />
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
