import { Group, NativeSelect, Paper, Radio, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Section } from '../../../../../components/common/section.tsx';
import { useSegments } from '../../../../../hooks/api/segments.ts';
import type { CampaignDraft } from '../../campaign-draft.ts';
import { AudienceCount } from './audience-count.tsx';

interface AudienceSectionProps {
  draft: CampaignDraft;
  change: <K extends keyof CampaignDraft>(key: K) => (value: CampaignDraft[K]) => void;
  error: (param: string) => string | undefined;
  /** A campaign's audience is fixed once it exists. */
  editing: boolean;
}

/** The campaign's name, and to whom it goes: a segment's customers when it starts, or every customer; with how many it would reach now. */
export function AudienceSection({ draft, change, error, editing }: AudienceSectionProps) {
  const { t } = useTranslation();
  const segments = useSegments().data?.data ?? [];
  return (
    <Section id="campaign-audience-title" title={t('campaigns.audienceTitle')}>
      <Paper withBorder p="md">
        <Stack>
          <TextInput label={t('campaigns.name')} description={t('campaigns.nameHint')} required maxLength={200} value={draft.name} onChange={(e) => change('name')(e.currentTarget.value)} error={error('name')} data-autofocus />
          <Radio.Group label={t('campaigns.kind')} description={t('campaigns.kindHint')} value={draft.kind} onChange={(value) => change('kind')(value === 'survey' ? 'survey' : 'message')}>
            <Group gap="lg" mt={4}>
              <Radio value="message" label={t('campaigns.kindMessage')} disabled={editing} />
              <Radio value="survey" label={t('campaigns.kindSurvey')} disabled={editing} />
            </Group>
          </Radio.Group>
          <NativeSelect
            label={t('campaigns.audience')}
            description={editing ? t('campaigns.audienceFixed') : t('campaigns.audienceHint')}
            disabled={editing}
            value={draft.segment_id}
            onChange={(e) => change('segment_id')(e.currentTarget.value)}
            error={error('segment_id')}
            data={[{ value: '', label: t('campaigns.everyoneOption') }, ...segments.map((s) => ({ value: s.id, label: s.name }))]}
          />
          <AudienceCount segmentId={draft.segment_id || null} />
        </Stack>
      </Paper>
    </Section>
  );
}
