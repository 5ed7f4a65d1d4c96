import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { msg, type Message } from '../../../src/api/message';
import type { Balances, WithdrawAsset, WithdrawQuote } from '../../../src/api/wallet-schemas';
import { useAction } from '../../api/hooks';
import { readTokenInput } from '../../lib/money-view';
import { Amount } from '../Amount';
import { ErrorNote } from '../ErrorNote';
import { PasswordField } from '../PasswordField';
import { Section } from '../Section';
import { TxProgress } from './TxProgress';

/** Which field a core error is about, so it is shown under that field. */
function placeOf(error: Message | null): 'to' | 'amount' | 'password' | 'form' {
  if (!error) return 'form';
  if (error.key.startsWith('wallet:address.')) return 'to';
  if (error.key === 'wallet:chain.insufficientFunds' || error.key.includes('insufficient'))
    return 'amount';
  if (error.key === 'wallet:errors.wrongPassword') return 'password';
  return 'form';
}

/** Send money out: address and amount → the fee is shown → password → the chain's answer. */
export function WithdrawForm({
  balances,
  canWithdraw,
  onSent,
}: {
  balances: Balances | undefined;
  canWithdraw: boolean;
  onSent: () => void;
}) {
  const { t } = useTranslation();
  const [asset, setAsset] = useState<WithdrawAsset>('token');
  const [to, setTo] = useState('');
  const [amountText, setAmountText] = useState('');
  const [password, setPassword] = useState('');
  const [quote, setQuote] = useState<(WithdrawQuote & { amount: string }) | null>(null);
  const [localError, setLocalError] = useState<Message | null>(null);
  const [txHash, setTxHash] = useState<string | null>(null);
  const quoteAction = useAction('wallet.quoteWithdraw');
  const send = useAction('wallet.withdraw');
  const decimals = balances?.decimals ?? 18;
  const symbol = asset === 'token' ? (balances?.tokenSymbol ?? 'LMB') : t('ui:wallet.nativeSymbol');

  const reset = () => {
    setQuote(null);
    setPassword('');
    quoteAction.clearError();
    send.clearError();
  };
  const askQuote = async () => {
    reset();
    setTxHash(null);
    const units = readTokenInput(amountText, decimals);
    if (units === null || units === 0n) {
      setLocalError(msg('ui:wallet.withdraw.badAmount'));
      return;
    }
    setLocalError(null);
    const result = await quoteAction.attempt({ to: to.trim(), amount: units.toString(), asset });
    if (result.ok) setQuote({ ...result.value, amount: units.toString() });
  };
  const confirm = async () => {
    if (!quote) return;
    if (!password) {
      setLocalError(msg('ui:wallet.password.needed'));
      return;
    }
    setLocalError(null);
    const result = await send.attempt({ to: quote.to, amount: quote.amount, asset, password });
    if (result.ok) {
      setTxHash(result.value.txHash);
      setQuote(null);
      setPassword('');
      setAmountText('');
    }
  };

  const error = localError ?? quoteAction.error ?? send.error;
  const place = localError ? (quote ? 'password' : 'amount') : placeOf(error);

  return (
    <Section title={t('ui:wallet.withdraw.title')} intro={t('ui:wallet.withdraw.intro')}>
      {!canWithdraw ? <p className="note note-warn">{t('ui:wallet.withdraw.notAllowed')}</p> : null}
      <div className="field">
        <span className="label">{t('ui:wallet.withdraw.asset')}</span>
        <div className="segmented" role="radiogroup" aria-label={t('ui:wallet.withdraw.asset')}>
          {(['token', 'native'] as const).map((a) => (
            <button
              key={a}
              type="button"
              role="radio"
              aria-checked={asset === a}
              className={`segment ${asset === a ? 'is-on' : ''}`}
              onClick={() => {
                setAsset(a);
                reset();
              }}
            >
              {a === 'token' ? (balances?.tokenSymbol ?? 'LMB') : t('ui:wallet.nativeSymbol')}
            </button>
          ))}
        </div>
      </div>
      <div className="field">
        <label htmlFor="withdraw-to">{t('ui:wallet.withdraw.to')}</label>
        <input
          id="withdraw-to"
          placeholder="0x…"
          spellCheck={false}
          autoComplete="off"
          value={to}
          aria-invalid={place === 'to' && error !== null}
          onChange={(e) => {
            setTo(e.target.value);
            reset();
          }}
        />
        <ErrorNote error={place === 'to' ? error : null} />
      </div>
      <div className="field">
        <label htmlFor="withdraw-amount">{t('ui:wallet.withdraw.amount')}</label>
        <div className="input-with-unit">
          <input
            id="withdraw-amount"
            inputMode="decimal"
            value={amountText}
            aria-invalid={place === 'amount' && error !== null}
            onChange={(e) => {
              setAmountText(e.target.value);
              reset();
            }}
          />
          <span className="unit">{symbol}</span>
        </div>
        <ErrorNote error={place === 'amount' ? error : null} />
      </div>
      {quote ? (
        <div className="quote" role="group" aria-label={t('ui:wallet.withdraw.check')}>
          <p>{t('ui:wallet.withdraw.check')}</p>
          <dl className="pairs">
            <dt>{t('ui:wallet.withdraw.sending')}</dt>
            <dd>
              <Amount
                units={quote.amount}
                symbol={symbol}
                decimals={decimals}
                currency={asset === 'token'}
              />
            </dd>
            <dt>{t('ui:wallet.withdraw.to')}</dt>
            <dd>
              <code className="address">{quote.to}</code>
            </dd>
            <dt>{t('ui:wallet.withdraw.fee')}</dt>
            <dd data-testid="withdraw-fee">
              <Amount units={quote.gasWei} symbol={t('ui:wallet.nativeSymbol')} currency={false} />
            </dd>
          </dl>
          <PasswordField
            label={t('ui:wallet.password.each')}
            value={password}
            invalid={place === 'password' && error !== null}
            onChange={setPassword}
          />
          <ErrorNote error={place === 'password' ? error : null} />
          <div className="actions">
            <button type="button" className="button button-quiet" onClick={reset}>
              {t('ui:common.cancel')}
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={send.pending}
              onClick={() => void confirm()}
            >
              {t('ui:wallet.withdraw.send')}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className="button button-primary"
          disabled={quoteAction.pending || !canWithdraw}
          onClick={() => void askQuote()}
        >
          {t('ui:wallet.withdraw.review')}
        </button>
      )}
      <ErrorNote error={place === 'form' ? error : null} />
      {txHash ? <TxProgress txHash={txHash} onSettled={onSent} /> : null}
    </Section>
  );
}
