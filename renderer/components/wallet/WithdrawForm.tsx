import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { msg, type Message } from '../../../src/api/message';
import {
  AddressSchema,
  type Balances,
  type WithdrawAsset,
  type WithdrawQuote,
} from '../../../src/api/wallet-schemas';
import { useAction } from '../../api/hooks';
import { readTokenInput } from '../../lib/money-view';
import { Amount } from '../Amount';
import { ErrorNote } from '../ErrorNote';
import { PasswordField } from '../PasswordField';
import { Section } from '../Section';
import { InfoNote, StateNote } from '../StateNote';
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
  noNetwork,
  onSent,
}: {
  balances: Balances | undefined;
  canWithdraw: boolean;
  /** Without a network nothing can be sent; the form says so instead of failing on click. */
  noNetwork: boolean;
  onSent: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [asset, setAsset] = useState<WithdrawAsset>('token');
  const [to, setTo] = useState('');
  const [amountText, setAmountText] = useState('');
  const [password, setPassword] = useState('');
  const [quote, setQuote] = useState<(WithdrawQuote & { amount: string }) | null>(null);
  const [localError, setLocalError] = useState<Message | null>(null);
  // What is wrong with the typed address and amount, all at once rather than one per click.
  const [typed, setTyped] = useState<{ to: Message | null; amount: Message | null }>({
    to: null,
    amount: null,
  });
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
    const units = readTokenInput(amountText, decimals, i18n.language);
    const problems = {
      to: AddressSchema.safeParse(to.trim()).success ? null : msg('wallet:address.malformed'),
      amount: units === null || units === 0n ? msg('ui:wallet.withdraw.badAmount') : null,
    };
    setTyped(problems);
    setLocalError(null);
    if (problems.to || problems.amount || units === null) return;
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
  const place = localError ? 'password' : placeOf(error);
  const toError = typed.to ?? (place === 'to' ? error : null);
  const amountError = typed.amount ?? (place === 'amount' ? error : null);

  return (
    <Section title={t('ui:wallet.withdraw.title')} intro={t('ui:wallet.withdraw.intro')}>
      {noNetwork ? (
        <InfoNote message={msg('ui:wallet.withdraw.noNetwork')} testId="withdraw-no-network" />
      ) : !canWithdraw ? (
        <p className="note note-warn">{t('ui:wallet.withdraw.notAllowed')}</p>
      ) : null}
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
          aria-invalid={toError !== null}
          onChange={(e) => {
            setTo(e.target.value);
            setTyped({ ...typed, to: null });
            reset();
          }}
        />
        <ErrorNote error={toError} />
      </div>
      <div className="field">
        <label htmlFor="withdraw-amount">{t('ui:wallet.withdraw.amount')}</label>
        <div className="input-with-unit">
          <input
            id="withdraw-amount"
            inputMode="decimal"
            value={amountText}
            aria-invalid={amountError !== null}
            onChange={(e) => {
              setAmountText(e.target.value);
              setTyped({ ...typed, amount: null });
              reset();
            }}
          />
          <span className="unit">{symbol}</span>
        </div>
        <ErrorNote error={amountError} />
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
          disabled={quoteAction.pending || !canWithdraw || noNetwork}
          onClick={() => void askQuote()}
        >
          {t('ui:wallet.withdraw.review')}
        </button>
      )}
      <StateNote error={place === 'form' ? error : null} />
      {txHash ? <TxProgress txHash={txHash} onSettled={onSent} /> : null}
    </Section>
  );
}
