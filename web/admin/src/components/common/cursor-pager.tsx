import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Cursor pagination (`starting_after`): the cursors of the pages already seen, to go back. */
export function useCursor() {
  const [stack, setStack] = useState<string[]>([]);
  return {
    cursor: stack.at(-1),
    page: stack.length,
    next: (lastId: string) => setStack((s) => [...s, lastId]),
    previous: () => setStack((s) => s.slice(0, -1)),
    reset: () => setStack([]),
  };
}

export function CursorPager({ cursor, hasMore, lastId }: { cursor: ReturnType<typeof useCursor>; hasMore: boolean; lastId: string | undefined }) {
  const { t } = useTranslation();
  if (cursor.page === 0 && !hasMore) return null;
  return (
    <Group justify="flex-end" gap="xs" p="sm">
      <Button variant="default" size="xs" disabled={cursor.page === 0} onClick={cursor.previous}>
        {t('common.previous')}
      </Button>
      <Button variant="default" size="xs" disabled={!hasMore || !lastId} onClick={() => lastId && cursor.next(lastId)}>
        {t('common.next')}
      </Button>
    </Group>
  );
}
