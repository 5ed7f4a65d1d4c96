import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnergyReading, EnergySourceConfig } from '../../../src/api/energy-schemas';
import { useAction } from '../../api/hooks';
import { ErrorNote } from '../ErrorNote';
import { Msg } from '../Msg';

/** One reading, in plain words: spare power, power drawn from the grid, or why none came. */
function ReadingWords({ reading }: { reading: EnergyReading }) {
  const { t } = useTranslation();
  if (!reading.ok || reading.surplusW === null) {
    return (
      <p className="note note-warn" role="status" data-testid="test-result" data-ok="false">
        {reading.problem ? <Msg m={reading.problem} /> : t('ui:energy.test.noValue')}
      </p>
    );
  }
  const watts = Math.round(Math.abs(reading.surplusW));
  return (
    <p className="note note-ok" role="status" data-testid="test-result" data-ok="true">
      {reading.surplusW >= 0
        ? t('ui:energy.test.spare', { watts })
        : t('ui:energy.test.drawing', { watts })}
      {reading.pricePerKwh !== null
        ? ` ${t('ui:energy.test.price', { price: reading.pricePerKwh })}`
        : null}
    </p>
  );
}

/**
 * "Test connection": reads the source once with what is typed now, before saving, so the
 * owner knows the address and field are right. Changes nothing.
 */
export function TestConnection({ check }: { check: () => EnergySourceConfig | null }) {
  const { t } = useTranslation();
  const test = useAction('energy.testSource');
  const [reading, setReading] = useState<EnergyReading | null>(null);
  const run = async () => {
    setReading(null);
    const source = check();
    if (!source) return;
    setReading(await test.run(source));
  };
  return (
    <div className="test-connection">
      <div className="input-row">
        <button type="button" className="button" disabled={test.pending} onClick={() => void run()}>
          {test.pending ? t('ui:energy.test.running') : t('ui:energy.test.button')}
        </button>
        <span className="hint">{t('ui:energy.test.hint')}</span>
      </div>
      {reading ? <ReadingWords reading={reading} /> : null}
      <ErrorNote error={test.error} />
    </div>
  );
}
