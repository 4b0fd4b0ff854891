import { Group, Paper, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Section } from '../../../../../components/common/section.tsx';
import type { CampaignDraft } from '../../campaign-draft.ts';

interface SendingSectionProps {
  draft: CampaignDraft;
  change: <K extends keyof CampaignDraft>(key: K) => (value: CampaignDraft[K]) => void;
  error: (param: string) => string | undefined;
}

/** Where the button goes, and when the campaign starts: now, or at a time in the browser's time zone. */
export function SendingSection({ draft, change, error }: SendingSectionProps) {
  const { t } = useTranslation();
  return (
    <Section id="campaign-sending-title" title={t('campaigns.sendingTitle')}>
      <Paper withBorder p="md">
        <Stack>
          <TextInput label={t('campaigns.buttonUrl')} description={t('campaigns.buttonUrlHint')} type="url" dir="ltr" maxLength={2000} placeholder="https://" value={draft.button_url} onChange={(e) => change('button_url')(e.currentTarget.value)} error={error('button_url')} />
          <Radio.Group label={t('campaigns.when')} value={draft.when} onChange={(value) => change('when')(value === 'later' ? 'later' : 'now')}>
            <Group gap="lg" mt={4}>
              <Radio value="now" label={t('campaigns.now')} />
              <Radio value="later" label={t('campaigns.later')} />
            </Group>
          </Radio.Group>
          {draft.when === 'later' && <TextInput type="datetime-local" label={t('campaigns.at')} required value={draft.scheduled_at} onChange={(e) => change('scheduled_at')(e.currentTarget.value)} error={error('scheduled_at')} />}
          <Text size="xs" c="dimmed">
            {t('campaigns.whenHint')}
          </Text>
        </Stack>
      </Paper>
    </Section>
  );
}
