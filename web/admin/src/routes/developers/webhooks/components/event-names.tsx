import { Code, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ALL_EVENTS } from '../event-types.ts';

/** An endpoint's events as their identifiers, left to right; `*` in words. */
export function EventNames({ events }: { events: string[] }) {
  const { t } = useTranslation();
  if (events.includes(ALL_EVENTS)) return <Text size="sm">{t('webhooks.allEvents')}</Text>;
  return (
    <Group gap={4}>
      {events.map((event) => (
        <Code key={event} dir="ltr">
          {event}
        </Code>
      ))}
    </Group>
  );
}
