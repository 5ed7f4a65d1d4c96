import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../src/api/message';
import type { Settings as SettingsValue, SettingsPatch } from '../../src/api/settings-schemas';
import { useSettings } from '../api/hooks';
import { ErrorNote, SavedNote } from '../components/ErrorNote';
import { LanguageToggle } from '../components/LanguageToggle';
import { Section } from '../components/Section';
import { Switch } from '../components/Switch';
import { TextField } from '../components/TextField';
import {
  limitsToForm,
  readLimitsForm,
  readMoneyForm,
  readNetworkUrl,
  readPriceFloor,
  showTokens,
  type LimitsForm,
} from '../lib/settings-forms';
import { splitIssues } from '../lib/field-issues';

type Read<T> = { ok: true; value: T } | { ok: false; error: Message };

/**
 * Shared Save behaviour: check the form here, then let the core check it again; what the
 * core rejects goes next to the field at that settings path (`paths`), the rest under the form.
 */
function useFormSave(paths: readonly string[]) {
  const { trySaveDetailed, saving } = useSettings();
  const [error, setError] = useState<Message | null>(null);
  const [fields, setFields] = useState<Record<string, Message>>({});
  const [saved, setSaved] = useState(false);
  const submit = async (read: Read<SettingsPatch>) => {
    setSaved(false);
    setFields({});
    if (!read.ok) {
      setError(read.error);
      return;
    }
    const failure = await trySaveDetailed(read.value);
    const split = splitIssues(failure?.issues ?? [], '', paths);
    setFields(split.fields);
    setError(failure && failure.issues.length === 0 ? failure.message : (split.rest[0] ?? null));
    setSaved(failure === null);
  };
  const fieldError = (path: string): Message | null => fields[path] ?? null;
  return { submit, saving, error, fieldError, saved, touched: () => setSaved(false) };
}

function SaveRow({ form }: { form: ReturnType<typeof useFormSave> }) {
  const { t } = useTranslation();
  return (
    <>
      <ErrorNote error={form.error} />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={form.saving}>
          {t('ui:common.save')}
        </button>
        <SavedNote show={form.saved} text={t('ui:common.saved')} />
      </div>
    </>
  );
}

function MoneySection({ settings }: { settings: SettingsValue }) {
  const { t } = useTranslation();
  const form = useFormSave(['currency.code', 'currency.perToken', 'electricityPricePerKwh']);
  const [currency, setCurrency] = useState(settings.currency.code);
  const [perToken, setPerToken] = useState(settings.currency.perToken);
  const [electricity, setElectricity] = useState(settings.electricityPricePerKwh);
  return (
    <Section title={t('ui:settings.money.title')} intro={t('ui:settings.money.intro')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void form.submit(readMoneyForm({ currency, perToken, electricity }));
        }}
      >
        <div className="field-grid">
          <TextField
            id="currency"
            error={form.fieldError('currency.code')}
            label={t('ui:settings.money.currency')}
            value={currency}
            onChange={setCurrency}
            hint={t('ui:settings.money.currencyHint')}
          />
          <TextField
            id="per-token"
            error={form.fieldError('currency.perToken')}
            label={t('ui:settings.money.perToken')}
            value={perToken}
            onChange={setPerToken}
            inputMode="decimal"
            unit={currency.toUpperCase()}
          />
          <TextField
            id="electricity"
            error={form.fieldError('electricityPricePerKwh')}
            label={t('ui:settings.money.electricity')}
            value={electricity}
            onChange={setElectricity}
            inputMode="decimal"
            unit={t('ui:settings.money.perKwh', { currency: currency.toUpperCase() })}
            hint={t('ui:settings.money.electricityHint')}
          />
        </div>
        <SaveRow form={form} />
      </form>
    </Section>
  );
}

function PriceSection({ settings }: { settings: SettingsValue }) {
  const { t } = useTranslation();
  const form = useFormSave(['pricing.floorPerGpuHour']);
  const [floor, setFloor] = useState(showTokens(settings.pricing.floorPerGpuHour));
  return (
    <Section title={t('ui:settings.price.title')} intro={t('ui:settings.price.intro')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const read = readPriceFloor(floor);
          void form.submit(
            read.ok ? { ok: true, value: { pricing: { floorPerGpuHour: read.value } } } : read,
          );
        }}
      >
        <TextField
          id="price-floor"
          error={form.fieldError('pricing.floorPerGpuHour')}
          label={t('ui:settings.price.label')}
          value={floor}
          onChange={setFloor}
          inputMode="decimal"
          unit={t('ui:settings.price.unit')}
        />
        <SaveRow form={form} />
      </form>
    </Section>
  );
}

function LimitsSection({ settings }: { settings: SettingsValue }) {
  const { t } = useTranslation();
  const form = useFormSave(['limits.maxCpus', 'limits.maxMemoryMiB', 'limits.maxDurationS']);
  const [draft, setDraft] = useState<LimitsForm>(limitsToForm(settings.limits));
  const set = (patch: Partial<LimitsForm>) => setDraft((d) => ({ ...d, ...patch }));
  return (
    <Section title={t('ui:settings.limits.title')} intro={t('ui:settings.limits.intro')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const read = readLimitsForm(draft);
          void form.submit(read.ok ? { ok: true, value: { limits: read.value } } : read);
        }}
      >
        <div className="field-grid">
          <TextField
            id="max-cpus"
            error={form.fieldError('limits.maxCpus')}
            label={t('ui:settings.limits.cpus')}
            value={draft.cpus}
            onChange={(cpus) => set({ cpus })}
            inputMode="decimal"
            unit={t('ui:settings.limits.cores')}
          />
          <TextField
            id="max-memory"
            error={form.fieldError('limits.maxMemoryMiB')}
            label={t('ui:settings.limits.memory')}
            value={draft.memoryGiB}
            onChange={(memoryGiB) => set({ memoryGiB })}
            inputMode="decimal"
            unit="GB"
          />
          <TextField
            id="max-hours"
            error={form.fieldError('limits.maxDurationS')}
            label={t('ui:settings.limits.hours')}
            value={draft.hours}
            onChange={(hours) => set({ hours })}
            inputMode="decimal"
            unit={t('ui:settings.limits.hoursUnit')}
          />
        </div>
        <div className="toggle-row">
          <Switch
            checked={draft.allowEgress}
            label={t('ui:settings.limits.egress')}
            onText={t('ui:settings.limits.egressOn')}
            offText={t('ui:settings.limits.egressOff')}
            onChange={(allowEgress) => set({ allowEgress })}
          />
          <p className="hint">{t('ui:settings.limits.egressExplain')}</p>
        </div>
        <div className="toggle-row">
          <Switch
            checked={draft.allowGpu}
            label={t('ui:settings.limits.gpu')}
            onText={t('ui:settings.limits.gpuOn')}
            offText={t('ui:settings.limits.gpuOff')}
            onChange={(allowGpu) => set({ allowGpu })}
          />
        </div>
        <SaveRow form={form} />
      </form>
    </Section>
  );
}

function NetworkSection({ settings }: { settings: SettingsValue }) {
  const { t } = useTranslation();
  const form = useFormSave(['networkUrl']);
  const [mode, setMode] = useState<'local' | 'remote'>(settings.networkUrl ? 'remote' : 'local');
  const [url, setUrl] = useState(settings.networkUrl ?? '');
  return (
    <Section title={t('ui:settings.network.title')} intro={t('ui:settings.network.intro')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (mode === 'local') return void form.submit({ ok: true, value: { networkUrl: null } });
          const read = readNetworkUrl(url);
          void form.submit(read.ok ? { ok: true, value: { networkUrl: read.value } } : read);
        }}
      >
        <div className="radios" role="radiogroup" aria-label={t('ui:settings.network.title')}>
          {(['local', 'remote'] as const).map((m) => (
            <label key={m} className={`radio ${mode === m ? 'is-chosen' : ''}`}>
              <input
                type="radio"
                name="network-mode"
                checked={mode === m}
                onChange={() => setMode(m)}
              />
              <span>{t(`ui:settings.network.${m}`)}</span>
            </label>
          ))}
        </div>
        {mode === 'remote' ? (
          <TextField
            id="network-url"
            error={form.fieldError('networkUrl')}
            label={t('ui:settings.network.url')}
            value={url}
            onChange={setUrl}
            inputMode="url"
            placeholder="https://coordinator.example"
          />
        ) : (
          <p className="hint">{t('ui:settings.network.localExplain')}</p>
        )}
        <SaveRow form={form} />
      </form>
    </Section>
  );
}

export function Settings() {
  const { t } = useTranslation();
  const { settings } = useSettings();
  if (!settings) return <p className="muted">{t('ui:common.loading')}</p>;
  return (
    <div className="screen settings">
      <h1 className="screen-title">{t('ui:nav.settings')}</h1>
      <Section title={t('ui:language.title')} intro={t('ui:language.intro')}>
        <LanguageToggle variant="large" />
      </Section>
      <MoneySection settings={settings} />
      <PriceSection settings={settings} />
      <LimitsSection settings={settings} />
      <NetworkSection settings={settings} />
    </div>
  );
}
