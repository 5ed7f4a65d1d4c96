import { useTranslation } from 'react-i18next';
import type { EngineStatus } from '../../src/api/sandbox-schemas';
import { FixList } from './FixList';
import { Msg } from './Msg';

/** Whether the container engine runs, whether it can give jobs a GPU, and how to fix it. */
export function EngineView({
  engine,
  hasNvidiaGpu = true,
}: {
  engine: EngineStatus;
  /** false when this computer has no NVIDIA card: GPU-runtime advice does not apply. */
  hasNvidiaGpu?: boolean;
}) {
  const { t } = useTranslation();
  // Without an NVIDIA card, the engine's only fix-its are about GPU support: not needed here.
  const gpuMatters = hasNvidiaGpu || !engine.found;
  const name = engine.kind === 'podman' ? 'Podman' : 'Docker';
  return (
    <div className="engine">
      <div className={`verdict ${engine.found ? 'verdict-ok' : 'verdict-warn'}`}>
        <span className="verdict-mark" aria-hidden="true">
          {engine.found ? '✓' : '!'}
        </span>
        <div>
          <p className="verdict-headline">
            {engine.found ? t('ui:engine.running', { name }) : t('ui:engine.notRunning')}
          </p>
          {engine.found && engine.version ? (
            <p className="hint engine-version">
              {t('ui:engine.version', { version: engine.version })}
            </p>
          ) : null}
          {engine.problem ? (
            <p>
              <Msg m={engine.problem} />
            </p>
          ) : null}
          <p className="muted">{t('ui:engine.why')}</p>
          {engine.found && !gpuMatters ? (
            <p className="muted">
              <strong>{t('ui:engine.gpuTitle')}</strong> {t('ui:engine.gpuNotNeeded')}
            </p>
          ) : engine.found ? (
            <p className={engine.gpu.runtime && engine.gpu.safe ? '' : 'muted'}>
              <strong>{t('ui:engine.gpuTitle')}</strong>{' '}
              {engine.gpu.runtime && engine.gpu.safe ? (
                t('ui:engine.gpuYes')
              ) : engine.gpu.problem ? (
                <Msg m={engine.gpu.problem} />
              ) : (
                t('ui:engine.gpuNo')
              )}
            </p>
          ) : null}
          {gpuMatters ? <FixList fixes={engine.fixes} /> : null}
        </div>
      </div>
    </div>
  );
}
