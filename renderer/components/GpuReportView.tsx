import { useTranslation } from 'react-i18next';
import type { Gpu, GpuReport, ToolState } from '../../src/api/gpu-schemas';
import { FixList } from './FixList';
import { Msg } from './Msg';

function Fact({ label, value }: { label: string; value: string | null }) {
  const { t } = useTranslation();
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value ?? t('ui:gauges.unknown')}</dd>
    </div>
  );
}

function GpuCard({ gpu }: { gpu: Gpu }) {
  const { t } = useTranslation();
  const p = gpu.power;
  const gib = (mib: number | null) =>
    mib === null ? null : t('ui:hardware.gib', { gib: (mib / 1024).toFixed(1) });
  const watts = (w: number | null) =>
    w === null ? null : t('ui:gauges.watts', { watts: Math.round(w) });
  return (
    <article className="gpu-card">
      <h3>{gpu.model}</h3>
      <dl className="facts">
        <Fact label={t('ui:hardware.memory')} value={gib(gpu.vramMiB)} />
        <Fact label={t('ui:hardware.driver')} value={gpu.driverVersion} />
        <Fact label={t('ui:hardware.cuda')} value={gpu.cudaVersion} />
        <Fact label={t('ui:hardware.normalLimit')} value={watts(p.defaultLimitW)} />
        <Fact
          label={t('ui:hardware.limitRange')}
          value={
            p.minLimitW === null || p.maxLimitW === null
              ? null
              : t('ui:hardware.wattRange', {
                  min: Math.round(p.minLimitW),
                  max: Math.round(p.maxLimitW),
                })
          }
        />
        <Fact
          label={t('ui:gauges.temperature')}
          value={
            gpu.temperatureC === null ? null : t('ui:gauges.celsius', { temp: gpu.temperatureC })
          }
        />
        <Fact
          label={t('ui:hardware.kind')}
          value={gpu.isIntegrated ? t('ui:hardware.integrated') : t('ui:hardware.separate')}
        />
      </dl>
      {gpu.processes.length > 0 ? (
        <p className="muted">
          {t('ui:hardware.programs', { names: gpu.processes.map((x) => x.name).join(', ') })}
        </p>
      ) : null}
    </article>
  );
}

const TOOL_NAMES = {
  systeminformation: 'ui:hardware.tool.si',
  nvidiaSmi: 'ui:hardware.tool.nvidia',
  rocmSmi: 'ui:hardware.tool.rocm',
} as const;

function ToolRow({ name, tool }: { name: keyof typeof TOOL_NAMES; tool: ToolState }) {
  const { t } = useTranslation();
  return (
    <li className={`tool tool-${tool.state}`}>
      <span className="tool-name">{t(TOOL_NAMES[name])}</span>
      <span className="tool-state">
        {t(`ui:hardware.toolState.${tool.state}`)}
        {tool.version ? ` (${tool.version})` : ''}
      </span>
      {tool.problem ? (
        <span className="tool-problem">
          <Msg m={tool.problem} />
        </span>
      ) : null}
    </li>
  );
}

/** The verdict first (can it be shared, why, how to fix), then the cards and the tools. */
export function GpuReportView({
  report,
  showDetails = true,
}: {
  report: GpuReport;
  showDetails?: boolean;
}) {
  const { t } = useTranslation();
  const v = report.verdict;
  return (
    <div className="gpu-report">
      <div className={`verdict ${v.canShare ? 'verdict-ok' : 'verdict-warn'}`}>
        <span className="verdict-mark" aria-hidden="true">
          {v.canShare ? '✓' : '!'}
        </span>
        <div>
          <p className="verdict-headline">
            <Msg m={v.headline} />
          </p>
          {v.reasons.length > 0 ? (
            <ul className="reasons">
              {v.reasons.map((r) => (
                <li key={r.key + JSON.stringify(r.values ?? {})}>
                  <Msg m={r} />
                </li>
              ))}
            </ul>
          ) : null}
          <FixList fixes={v.fixes} />
        </div>
      </div>
      {showDetails ? (
        <>
          {report.gpus.length > 0 ? (
            <div className="gpu-cards">
              {report.gpus.map((gpu) => (
                <GpuCard key={`${gpu.vendor}-${gpu.index}-${gpu.uuid ?? ''}`} gpu={gpu} />
              ))}
            </div>
          ) : (
            <p className="muted">{t('ui:hardware.noGpuExplain')}</p>
          )}
          <h3 className="subheading">{t('ui:hardware.toolsTitle')}</h3>
          <ul className="tools">
            {(Object.keys(TOOL_NAMES) as (keyof typeof TOOL_NAMES)[]).map((name) => (
              <ToolRow key={name} name={name} tool={report.tools[name]} />
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
