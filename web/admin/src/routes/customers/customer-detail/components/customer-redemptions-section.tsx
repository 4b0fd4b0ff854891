import { Badge, Button, Paper, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CursorPager, useCursor } from '../../../../components/common/cursor-pager.tsx';
import { EmptyState, ErrorAlert, QueryState } from '../../../../components/common/query-state.tsx';
import { useCustomerRedemptions, useVoidRedemption, type Redemption } from '../../../../hooks/api/redemptions.ts';
import { formatDateTime, formatNumber } from '../../../../lib/format.ts';

const STATUS_COLOR: Record<Redemption['status'], string> = { reserved: 'blue', used: 'green', voided: 'gray', expired: 'orange' };

/** The customer's reward codes; a reserved one can be voided, which gives the points back. */
export function CustomerRedemptionsSection({ customerId, mayVoid }: { customerId: string; mayVoid: boolean }) {
  const { t } = useTranslation();
  const cursor = useCursor();
  const redemptions = useCustomerRedemptions(customerId, cursor.cursor);
  const voidRedemption = useVoidRedemption(customerId);
  const confirmVoid = (r: Redemption) => {
    if (window.confirm(t('redemptions.confirmVoid', { code: r.code ?? r.id, points: t('common.points', { count: r.points, formatted: formatNumber(r.points) }) }))) voidRedemption.mutate({ id: r.id, reason: t('redemptions.voidReason') });
  };
  return (
    <section aria-labelledby="customer-redemptions">
      <Title order={2} size="h3" id="customer-redemptions" mb="sm">
        {t('redemptions.title')}
      </Title>
      {voidRedemption.error && <ErrorAlert error={voidRedemption.error} />}
      <Paper withBorder>
        <QueryState isPending={redemptions.isPending} error={redemptions.error}>
          {() => {
            const list = redemptions.data!;
            if (list.data.length === 0) return <EmptyState title={t('redemptions.empty')}>{t('redemptions.emptyBody')}</EmptyState>;
            return (
              <>
                <Table.ScrollContainer minWidth={560} type="native" tabIndex={0}>
                  <Table>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('redemptions.code')}</Table.Th>
                        <Table.Th scope="col">{t('redemptions.status')}</Table.Th>
                        <Table.Th scope="col" ta="end">{t('redemptions.points')}</Table.Th>
                        <Table.Th scope="col">{t('redemptions.created')}</Table.Th>
                        <Table.Th scope="col">
                          <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                        </Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {list.data.map((r) => (
                        <Table.Tr key={r.id}>
                          <Table.Td>
                            <Text size="sm" ff="monospace" dir="ltr" style={{ textAlign: 'start' }}>
                              {r.code ?? r.id}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Badge variant="light" color={STATUS_COLOR[r.status]}>
                              {t(`redemptions.statuses.${r.status}`)}
                            </Badge>
                          </Table.Td>
                          <Table.Td ta="end">{formatNumber(r.points)}</Table.Td>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.created_at)}</Table.Td>
                          <Table.Td ta="end">
                            {mayVoid && r.status === 'reserved' && (
                              <Button
                                size="xs"
                                variant="light"
                                color="red"
                                loading={voidRedemption.isPending && voidRedemption.variables?.id === r.id}
                                onClick={() => confirmVoid(r)}
                                aria-label={t('redemptions.voidLabel', { code: r.code ?? r.id })}
                              >
                                {t('redemptions.void')}
                              </Button>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                <CursorPager cursor={cursor} hasMore={list.has_more} lastId={list.data.at(-1)?.id} />
              </>
            );
          }}
        </QueryState>
      </Paper>
    </section>
  );
}
