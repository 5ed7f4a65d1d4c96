import { QRCodeSVG } from 'qrcode.react';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../CopyButton';
import { Section } from '../Section';

/** Where payments arrive: the address as text, a copy button and a QR code for a phone. */
export function AddressCard({ address }: { address: string }) {
  const { t } = useTranslation();
  return (
    <Section title={t('ui:wallet.address.title')} intro={t('ui:wallet.address.intro')}>
      <div className="address-card">
        <QRCodeSVG
          value={address}
          size={132}
          marginSize={2}
          title={t('ui:wallet.address.qr')}
          className="qr"
        />
        <div className="address-text">
          <code className="address" data-testid="wallet-address">
            {address}
          </code>
          <CopyButton text={address} label={t('ui:wallet.address.copy')} />
        </div>
      </div>
    </Section>
  );
}
