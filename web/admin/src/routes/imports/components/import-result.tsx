import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BalanceImport } from '../../../hooks/api/imports.ts';
import { BadRows } from './bad-rows.tsx';
import { ImportFacts } from './import-facts.tsx';

/** What a dry run would do, or what the import did, and the lines that could not be applied. */
export function ImportResult({ result }: { result: BalanceImport }) {
  const { t } = useTranslation();
  return (
    <Alert color={result.errors.length ? 'orange' : 'green'} variant="light" title={t(result.dry_run ? 'imports.dryRunTitle' : 'imports.doneTitle')} role="status">
      <ImportFacts
        facts={[
          ['imports.rows', result.rows],
          ['imports.customersCreated', result.customers_created],
          ['imports.balancesImported', result.balances_imported],
          ['imports.pointsImported', result.points_imported],
          ['imports.alreadyImported', result.already_imported],
          ['imports.tiersPlaced', result.tiers_placed],
        ]}
      />
      <BadRows errors={result.errors} />
    </Alert>
  );
}
