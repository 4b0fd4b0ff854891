import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One figure with what it is, and a line saying how it is counted. */
export function StatCard({ label, value, hint }: { label: string; value: ReactNode; hint?: ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Text size="sm" c="dimmed" component="h3" fw={500} m={0}>
        {label}
      </Text>
      <Text fz={28} fw={700} mt={4} lh={1.2}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed" mt={4}>
          {hint}
        </Text>
      )}
    </Paper>
  );
}
