import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Copies a text (an address, a hash) and says so. */
export function CopyButton({ text, label }: { text: string; label?: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  };
  return (
    <button type="button" className="button button-small" onClick={() => void copy()}>
      {copied ? t('ui:common.copied') : (label ?? t('ui:common.copy'))}
    </button>
  );
}
