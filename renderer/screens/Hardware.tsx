import { useTranslation } from 'react-i18next';
import { useAction, useCall, useEvent } from '../api/hooks';
import { EngineView } from '../components/EngineView';
import { ErrorNote } from '../components/ErrorNote';
import { GpuReportView } from '../components/GpuReportView';
import { Section } from '../components/Section';
import { formatMoment } from '../lib/format-time';

export function Hardware() {
  const { t, i18n } = useTranslation();
  const report = useCall('gpu.report');
  const engine = useCall('engine.status');
  const refreshGpu = useAction('gpu.refresh');
  const refreshEngine = useAction('engine.refresh');
  useEvent('gpu', (next) => report.setData(next));

  return (
    <div className="screen hardware">
      <h1 className="screen-title">{t('ui:nav.hardware')}</h1>
      <Section title={t('ui:hardware.gpuTitle')} intro={t('ui:hardware.gpuIntro')}>
        {report.data ? (
          <>
            <GpuReportView report={report.data} />
            <p className="muted small checked-at">
              {t('ui:hardware.checkedAt', {
                time: formatMoment(Date.parse(report.data.detectedAt), i18n.language),
              })}
            </p>
          </>
        ) : report.loading ? (
          <p className="muted">{t('ui:hardware.checking')}</p>
        ) : null}
        <ErrorNote error={report.error ?? refreshGpu.error} />
        <div className="actions">
          <button
            type="button"
            className="button"
            disabled={refreshGpu.pending}
            onClick={async () => {
              const next = await refreshGpu.run();
              if (next) report.setData(next);
            }}
          >
            {refreshGpu.pending ? t('ui:hardware.checking') : t('ui:hardware.refresh')}
          </button>
        </div>
      </Section>
      <Section title={t('ui:engine.title')} intro={t('ui:engine.intro')}>
        {engine.data ? (
          <EngineView
            engine={engine.data}
            hasNvidiaGpu={report.data?.gpus.some((g) => g.vendor === 'nvidia') ?? true}
          />
        ) : engine.loading ? (
          <p className="muted">{t('ui:hardware.checking')}</p>
        ) : null}
        <ErrorNote error={engine.error ?? refreshEngine.error} />
        <div className="actions">
          <button
            type="button"
            className="button"
            disabled={refreshEngine.pending}
            onClick={async () => {
              const next = await refreshEngine.run();
              if (next) engine.setData(next);
            }}
          >
            {t('ui:engine.refresh')}
          </button>
        </div>
      </Section>
    </div>
  );
}
