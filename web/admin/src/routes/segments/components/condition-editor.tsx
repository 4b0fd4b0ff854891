import { Group, Radio } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SegmentCondition } from '../../../hooks/api/segments.ts';
import { BoughtEditor, IdentifiersInput } from './editors/bought-editor.tsx';
import { LocaleEditor, RfmEditor, StageEditor, TierEditor } from './editors/choice-editors.tsx';
import { ProfileAnswerEditor } from './editors/profile-answer-editor.tsx';
import { RangeEditor } from './editors/range-editor.tsx';
import { ClvEditor, PAliveEditor } from './editors/value-editors.tsx';

/** The fields of one condition, by its type. */
export function ConditionEditor({ condition, onChange }: { condition: SegmentCondition; onChange: (condition: SegmentCondition) => void }) {
  const { t } = useTranslation();
  switch (condition.type) {
    case 'tier':
      return <TierEditor condition={condition} onChange={onChange} />;
    case 'rfm_segment':
      return <RfmEditor condition={condition} onChange={onChange} />;
    case 'lifecycle_stage':
      return <StageEditor condition={condition} onChange={onChange} />;
    case 'locale':
      return <LocaleEditor condition={condition} onChange={onChange} />;
    case 'orders':
    case 'spend':
    case 'points_balance':
      return <RangeEditor condition={condition} onChange={onChange} />;
    case 'bought':
      return <BoughtEditor condition={condition} onChange={onChange} />;
    case 'tags':
      return <IdentifiersInput label={t('segments.fields.tags')} description={t('segments.fields.tagsHint')} required value={condition.any_of} onChange={(any_of) => onChange({ ...condition, any_of })} />;
    case 'profile_answer':
      return <ProfileAnswerEditor condition={condition} onChange={onChange} />;
    case 'predicted_clv':
      return <ClvEditor condition={condition} onChange={onChange} />;
    case 'p_alive':
      return <PAliveEditor condition={condition} onChange={onChange} />;
    case 'holdout':
      return (
        <Radio.Group label={t('segments.fields.holdout')} value={condition.in_holdout ? 'in' : 'out'} onChange={(value) => onChange({ ...condition, in_holdout: value === 'in' })}>
          <Group gap="lg" mt={4}>
            <Radio value="in" label={t('segments.fields.inHoldout')} />
            <Radio value="out" label={t('segments.fields.notInHoldout')} />
          </Group>
        </Radio.Group>
      );
  }
}
