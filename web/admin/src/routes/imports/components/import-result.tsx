import { Alert, List, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BalanceImport } from '../../../hooks/api/imports.ts';
import { formatNumber } from '../../../lib/format.ts';

/** What a dry run would do, or what the import did, and the lines that could not be applied. */
export function ImportResult({ result }: { result: BalanceImport }) {
  const { t } = useTranslation();
  const facts: [string, number][] = [
    ['imports.rows', result.rows],
    ['imports.customersCreated', result.customers_created],
    ['imports.balancesImported', result.balances_imported],
    ['imports.pointsImported', result.points_imported],
    ['imports.alreadyImported', result.already_imported],
    ['imports.tiersPlaced', result.tiers_placed],
  ];
  return (
    <Alert color={result.errors.length ? 'orange' : 'green'} variant="light" title={t(result.dry_run ? 'imports.dryRunTitle' : 'imports.doneTitle')} role="status">
      <SimpleGrid cols={{ base: 2, sm: 3 }} component="dl" m={0} spacing="xs">
        {facts.map(([key, value]) => (
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
      {result.errors.length > 0 && (
        <>
          <Text size="sm" fw={600} mt="sm">
            {t('imports.errors', { count: result.errors.length })}
          </Text>
          <List size="sm">
            {result.errors.slice(0, 20).map((e) => (
              <List.Item key={e.line}>{t('imports.errorLine', { line: e.line, message: e.message })}</List.Item>
            ))}
          </List>
        </>
      )}
    </Alert>
  );
}
