import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { GpuReport, GpuSample } from '../../src/api/gpu-schemas';
import { useCall, useEvent, useSettings } from '../api/hooks';
import { Gauge } from './Gauge';
import { Msg } from './Msg';
import { Section } from './Section';

const HISTORY = 60;

interface Reading {
  latest: GpuSample;
  power: { n: number; w: number }[];
}

function tempTone(temp: number | null, cap: number): 'ok' | 'warn' | 'bad' {
  if (temp === null) return 'ok';
  if (temp >= cap) return 'bad';
  return temp >= cap - 8 ? 'warn' : 'ok';
}

function CardGauges({
  reading,
  report,
  tempCap,
}: {
  reading: Reading;
  report: GpuReport | undefined;
  tempCap: number;
}) {
  const { t } = useTranslation();
  const s = reading.latest;
  const gpu = report?.gpus.find((g) => g.index === s.index);
  const limit = gpu?.power.limitW ?? gpu?.power.defaultLimitW ?? null;
  const unknown = t('ui:gauges.unknown');
  return (
    <div className="gpu-live">
      <h3 className="gpu-live-title">{gpu?.model ?? t('ui:gauges.card', { index: s.index })}</h3>
      <div className="gauges">
        <Gauge
          label={t('ui:gauges.power')}
          valueText={
            s.powerW === null
              ? unknown
              : limit === null
                ? t('ui:gauges.watts', { watts: Math.round(s.powerW) })
                : t('ui:gauges.wattsOf', { watts: Math.round(s.powerW), limit: Math.round(limit) })
          }
          fraction={s.powerW === null || limit === null ? null : s.powerW / limit}
        />
        <Gauge
          label={t('ui:gauges.temperature')}
          valueText={
            s.temperatureC === null
              ? unknown
              : t('ui:gauges.celsius', { temp: Math.round(s.temperatureC) })
          }
          fraction={s.temperatureC === null ? null : s.temperatureC / 100}
          tone={tempTone(s.temperatureC, tempCap)}
          note={t('ui:gauges.tempCap', { cap: tempCap })}
        />
        <Gauge
          label={t('ui:gauges.busy')}
          valueText={
            s.utilizationPct === null
              ? unknown
              : t('ui:gauges.percent', { pct: Math.round(s.utilizationPct) })
          }
          fraction={s.utilizationPct === null ? null : s.utilizationPct / 100}
        />
      </div>
      {reading.power.length > 1 ? (
        <div className="chart" aria-label={t('ui:gauges.powerHistory')} role="img">
          <ResponsiveContainer width="100%" height={120}>
            <LineChart data={reading.power} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <XAxis dataKey="n" hide />
              <YAxis width={40} unit=" W" domain={[0, 'auto']} />
              <Tooltip
                formatter={(value) => [`${String(value)} W`, t('ui:gauges.power')]}
                labelFormatter={() => ''}
              />
              <Line
                type="monotone"
                dataKey="w"
                stroke="#2f7d4f"
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </div>
      ) : null}
    </div>
  );
}

/** Live power, temperature and load of each card, or why there is nothing to show. */
export function TelemetryPanel() {
  const { t } = useTranslation();
  const report = useCall('gpu.report');
  const { settings } = useSettings();
  const [readings, setReadings] = useState<Map<number, Reading>>(new Map());
  const [count, setCount] = useState(0);

  useEvent('gpu', (next) => report.setData(next));
  useEvent('telemetry', (samples) => {
    setCount((c) => c + 1);
    setReadings((previous) => {
      const next = new Map(previous);
      for (const sample of samples) {
        const old = next.get(sample.index);
        const power = [...(old?.power ?? [])];
        if (sample.powerW !== null) power.push({ n: count, w: Math.round(sample.powerW) });
        next.set(sample.index, { latest: sample, power: power.slice(-HISTORY) });
      }
      return next;
    });
  });

  const tempCap = settings?.policy.tempCapC ?? 83;
  const noGpu = report.data !== undefined && report.data.gpus.length === 0;

  return (
    <Section title={t('ui:gauges.title')} className="telemetry">
      {readings.size > 0 ? (
        [...readings.values()].map((reading) => (
          <CardGauges
            key={reading.latest.index}
            reading={reading}
            report={report.data}
            tempCap={tempCap}
          />
        ))
      ) : noGpu && report.data ? (
        <div className="empty">
          <p className="empty-title">
            <Msg m={report.data.verdict.headline} />
          </p>
          <p className="muted">{t('ui:gauges.noGpuExplain')}</p>
        </div>
      ) : (
        <p className="muted">{report.loading ? t('ui:common.loading') : t('ui:gauges.waiting')}</p>
      )}
    </Section>
  );
}
