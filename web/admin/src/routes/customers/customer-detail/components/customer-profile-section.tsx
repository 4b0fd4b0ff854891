import { Paper, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Section } from '../../../../components/common/section.tsx';
import type { Customer } from '../../../../hooks/api/customers.ts';
import { useProfileQuestions } from '../../../../hooks/api/profile-questions.ts';
import { formatDate } from '../../../../lib/format.ts';
import { inLanguage } from '../../../profile-questions/question-words.ts';
import { Fact } from './fact.tsx';

/** What the customer told the store about themselves: each question they answered, in the dashboard's language. */
export function CustomerProfileSection({ customer }: { customer: Customer }) {
  const { t, i18n } = useTranslation();
  const questions = useProfileQuestions(true).data?.data ?? [];
  const answered = questions.filter((q) => customer.profile[q.key] !== undefined);
  if (answered.length === 0) return null;
  const words = (q: (typeof questions)[number]) => {
    const answer = customer.profile[q.key]!;
    if (q.type === 'date' && typeof answer === 'string') return formatDate(`${answer}T00:00:00Z`);
    const label = (value: string) => inLanguage(q.options.find((o) => o.value === value)?.label ?? { en: value }, i18n.language);
    return (Array.isArray(answer) ? answer : [answer]).map((v) => (q.type === 'text' ? v : label(v))).join(' · ');
  };
  return (
    <Section id="customer-profile" title={t('customer.profile')}>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} component="dl" m={0}>
          {answered.map((q) => (
            <Fact key={q.id} label={inLanguage(q.text, i18n.language)} value={<bdi>{words(q)}</bdi>} />
          ))}
        </SimpleGrid>
      </Paper>
    </Section>
  );
}
