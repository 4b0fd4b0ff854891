import { SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Section } from '../../../../../components/common/section.tsx';
import type { Experiment } from '../../../../../hooks/api/experiments.ts';
import { VariantCard } from './variant-card.tsx';

/** Every variant's figure on the goal metric with its interval, and its lift against the first drawn on one scale for all. */
export function VariantsSection({ experiment: e }: { experiment: Experiment }) {
  const { t } = useTranslation();
  // One scale for every lift's bar, always with 0 on it, so the bars can be compared at a glance.
  const ends = e.variants.flatMap((v) => v.lift?.ci95 ?? []);
  const scale = { low: Math.min(0, ...ends), high: Math.max(0, ...ends) };
  return (
    <Section id="experiment-variants-title" title={t('experiments.variantsTitle')}>
      <Text size="sm" c="dimmed" mb="sm" mt={-8}>
        {t('experiments.variantsDescription')}
      </Text>
      <SimpleGrid cols={{ base: 1, md: Math.min(e.variants.length, 3) }} spacing="md">
        {e.variants.map((v, index) => (
          <VariantCard key={index} experiment={e} index={index} scale={scale} />
        ))}
      </SimpleGrid>
    </Section>
  );
}
