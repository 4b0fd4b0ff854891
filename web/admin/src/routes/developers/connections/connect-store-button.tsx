import { Anchor, Button, NativeSelect, PasswordInput, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../components/common/form-dialog.tsx';
import { useCreateConnection, type NewConnection } from '../../../hooks/api/setup-checklist.ts';
import { useFormDialog } from '../../../hooks/use-form-dialog.ts';

type Platform = NewConnection['platform'];
const FIELDS = ['platform', 'shop_domain', 'site_url', 'webhook_secret', 'admin_access_token'] as const;
const EMPTY = { platform: 'shopify' as Platform, address: '', webhook_secret: '', admin_access_token: '' };

function toConnection(d: typeof EMPTY): NewConnection {
  const address = d.address.trim();
  return {
    platform: d.platform,
    ...(d.platform === 'shopify' ? { shop_domain: address.toLowerCase() } : { site_url: address }),
    webhook_secret: d.webhook_secret.trim(),
    ...(d.admin_access_token.trim() ? { admin_access_token: d.admin_access_token.trim() } : {}),
  };
}

/** Connects a Shopify shop or a WooCommerce site; its webhook address then shows in the list, to subscribe the store's webhooks to. */
export function ConnectStoreButton() {
  const { t } = useTranslation();
  const { open, draft, change, error, dialog } = useFormDialog(EMPTY, useCreateConnection(), toConnection, FIELDS);
  const shopify = draft.platform === 'shopify';
  return (
    <>
      <Button onClick={open}>{t('connections.connect')}</Button>
      <FormDialog {...dialog} title={t('connections.connect')} submitLabel={t('connections.connectSubmit')}>
        <Text size="sm" c="dimmed">
          {t('connections.connectHint')} <Anchor href="/docs#tag/connections" underline="always">{t('connections.steps')}</Anchor>
        </Text>
        <NativeSelect label={t('connections.platform')} value={draft.platform} onChange={(e) => change('platform')(e.currentTarget.value as Platform)} data={(['shopify', 'woocommerce'] as const).map((p) => ({ value: p, label: t(`connections.platforms.${p}`) }))} error={error('platform')} data-autofocus />
        <TextInput
          label={shopify ? t('connections.shopDomain') : t('connections.siteUrl')}
          description={shopify ? t('connections.shopDomainHint') : t('connections.siteUrlHint')}
          placeholder={shopify ? 'your-shop.myshopify.com' : 'https://shop.example.com'}
          required
          dir="ltr"
          value={draft.address}
          onChange={(e) => change('address')(e.currentTarget.value)}
          error={error(shopify ? 'shop_domain' : 'site_url')}
        />
        <PasswordInput label={shopify ? t('connections.clientSecret') : t('connections.webhookSecret')} description={t('connections.secretHint')} required value={draft.webhook_secret} onChange={(e) => change('webhook_secret')(e.currentTarget.value)} error={error('webhook_secret')} />
        <PasswordInput label={t('connections.accessToken')} description={shopify ? t('connections.accessTokenHintShopify') : t('connections.accessTokenHintWoo')} value={draft.admin_access_token} onChange={(e) => change('admin_access_token')(e.currentTarget.value)} error={error('admin_access_token')} />
      </FormDialog>
    </>
  );
}
