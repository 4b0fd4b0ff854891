import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A figure and what it is, in a description list. */
export function Fact({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed" component="dt">
        {label}
      </Text>
      <Text fw={600} component="dd" m={0}>
        {value}
      </Text>
    </div>
  );
}
