import { MultiSelect, Select, SimpleGrid, Stack, TagsInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useProfileQuestions, type ProfileQuestion } from '../../../../hooks/api/profile-questions.ts';
import type { ConditionOf } from '../../../../hooks/api/segments.ts';
import { inLanguage } from '../../../profile-questions/question-words.ts';

type ProfileAnswer = ConditionOf<'profile_answer'>;
type Op = ProfileAnswer['op'];
const OPS: Op[] = ['is', 'is_not', 'includes', 'answered', 'not_answered'];
const compares = (op: Op) => op === 'is' || op === 'is_not' || op === 'includes';

/** The question a condition names, by its key or its id. */
export const questionOf = (questions: readonly ProfileQuestion[], c: Pick<ProfileAnswer, 'key' | 'question_id'>) => questions.find((q) => (c.key !== undefined ? q.key === c.key : q.id === c.question_id));

/**
 * Customers by their answer to a profile question (archived ones too: their answers stay): which
 * question, how the answer compares, and to what: its options for a choice, typed texts or dates otherwise.
 */
export function ProfileAnswerEditor({ condition, onChange }: { condition: ProfileAnswer; onChange: (condition: ProfileAnswer) => void }) {
  const { t, i18n } = useTranslation();
  const questions = useProfileQuestions(true).data?.data ?? [];
  const question = questionOf(questions, condition);
  const choice = question?.type === 'single_choice' || question?.type === 'multiple_choice';
  const ops = OPS.filter((op) => op !== 'includes' || question?.type !== 'date');
  const setOp = (op: Op) => {
    const { values, ...rest } = condition;
    onChange(compares(op) ? { ...rest, op, values: values ?? [] } : { ...rest, op });
  };
  // Another question: its key, and nothing chosen of the last one's options.
  const setQuestion = (key: string | null) => onChange({ type: 'profile_answer', key: key ?? '', op: condition.op, ...(compares(condition.op) ? { values: [] } : {}) });
  const values = condition.values ?? [];
  const setValues = (next: string[]) => onChange({ ...condition, values: next });
  return (
    <Stack gap="sm">
      <Select
        label={t('segments.fields.question')}
        required
        placeholder={t('segments.fields.questionPick')}
        data={questions.map((q) => ({ value: q.key, label: inLanguage(q.text, i18n.language) }))}
        value={question?.key ?? null}
        onChange={setQuestion}
        comboboxProps={{ withinPortal: true }}
        allowDeselect={false}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select label={t('segments.fields.op')} required data={ops.map((op) => ({ value: op, label: t(`segments.ops.${op}`) }))} value={condition.op} onChange={(op) => op && setOp(op as Op)} comboboxProps={{ withinPortal: true }} allowDeselect={false} />
        {compares(condition.op) &&
          (choice ? (
            <MultiSelect label={t('segments.fields.answers')} required placeholder={values.length === 0 ? t('segments.pick') : undefined} data={question.options.map((o) => ({ value: o.value, label: inLanguage(o.label, i18n.language) }))} value={values} onChange={setValues} hidePickedOptions comboboxProps={{ withinPortal: true }} />
          ) : (
            <TagsInput label={t('segments.fields.answers')} description={t(question?.type === 'date' ? 'segments.fields.datesHint' : 'segments.fields.textsHint')} required value={values} onChange={setValues} acceptValueOnBlur clearable={false} maxTags={500} />
          ))}
      </SimpleGrid>
    </Stack>
  );
}
