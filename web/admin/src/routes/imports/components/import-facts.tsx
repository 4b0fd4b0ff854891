import { SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format.ts';

/** What an import did, as labelled figures (message key → number); a null figure is left out. */
export function ImportFacts({ facts }: { facts: [string, number | null][] }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 2, sm: 3 }} component="dl" m={0} spacing="xs">
      {facts
        .filter((fact): fact is [string, number] => fact[1] !== null)
        .map(([key, value]) => (
          <div key={key}>
            <Text size="xs" component="dt">
              {t(key)}
            </Text>
            <Text fw={600} component="dd" m={0}>
              {formatNumber(value)}
            </Text>
          </div>
        ))}
    </SimpleGrid>
  );
}
