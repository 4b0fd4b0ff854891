import { Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A part of a page under its own h2; a section given actions (even none for this role) has them on the heading's line. */
export function Section({ id, title, actions, children }: { id: string; title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      {actions === undefined ? (
        <Title order={2} size="h3" id={id} mb="sm">
          {title}
        </Title>
      ) : (
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h3" id={id}>
            {title}
          </Title>
          {actions}
        </Group>
      )}
      {children}
    </section>
  );
}
