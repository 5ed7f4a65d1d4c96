import { useEffect, useState } from 'react';
import type { Message } from '../../../src/api/message';
import { useCall, type SaveFailure } from '../../api/hooks';
import { splitIssues } from '../../lib/field-issues';
import { nodeIdFromComputerName } from '../../lib/mqtt-forms';

/**
 * The state both MQTT settings sections share (community, outside control): the form,
 * this computer's name suggested as node id, saving, and the core's errors split onto
 * the fields they name.
 */
export function useBrokerSectionForm<Form extends { nodeId: string }, Config>(options: {
  config: Config | null;
  toForm: (config: Config | null) => Form;
  toPatch: (form: Form, config: Config | null) => Record<string, unknown> | null;
  onSave: (patch: Record<string, unknown> | null) => Promise<SaveFailure | null>;
  /** Settings path of the section, e.g. `energy.community`. */
  path: string;
  fieldNames: readonly string[];
}) {
  const { config, toForm, toPatch, onSave, path, fieldNames } = options;
  const [form, setForm] = useState<Form>(() => toForm(config));
  const [fields, setFields] = useState<Record<string, Message>>({});
  const [rest, setRest] = useState<Message[]>([]);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const info = useCall('app.info');

  // Suggest this computer's own name once, while the owner has not chosen one.
  useEffect(() => {
    const suggested = info.data ? nodeIdFromComputerName(info.data.computerName) : '';
    if (suggested !== '' && config === null) {
      setForm((current) => (current.nodeId === '' ? { ...current, nodeId: suggested } : current));
    }
  }, [info.data, config]);

  const set = (patch: Partial<Form>) => {
    setForm({ ...form, ...patch });
    setSaved(false);
  };

  const save = async () => {
    setSaving(true);
    setSaved(false);
    const failure = await onSave(toPatch(form, config));
    setSaving(false);
    const split = splitIssues(failure?.issues ?? [], path, fieldNames);
    setFields(split.fields);
    // With no field to point at, the core's own sentence says what went wrong.
    setRest(failure && failure.issues.length === 0 ? [failure.message] : split.rest);
    setSaved(failure === null);
  };

  return { form, set, fields, rest, saved, saving, save };
}
