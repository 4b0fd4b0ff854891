import { MultiSelect, Pill } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ALL_EVENTS, eventOptions } from '../event-types.ts';

/** The events an endpoint gets: everything, whole families or single types; the identifiers read left to right in every language. */
export function EventPicker({ value, onChange, error }: { value: string[]; onChange: (events: string[]) => void; error: string | undefined }) {
  const { t } = useTranslation();
  return (
    <MultiSelect
      label={t('webhooks.events')}
      description={t('webhooks.eventsHint')}
      placeholder={value.length === 0 ? t('webhooks.eventsPlaceholder') : undefined}
      required
      searchable
      hidePickedOptions
      maxDropdownHeight={260}
      nothingFoundMessage={t('webhooks.noSuchEvent')}
      data={eventOptions(t('webhooks.allEvents'))}
      value={value}
      // Everything already includes the rest: picking it replaces them, and picking one of them after it replaces it.
      onChange={(next) => onChange(next.at(-1) === ALL_EVENTS ? [ALL_EVENTS] : next.filter((e) => e !== ALL_EVENTS))}
      error={error}
      renderOption={({ option }) => (option.value === ALL_EVENTS ? option.label : <bdi dir="ltr">{option.label}</bdi>)}
      renderPill={({ option, value: event, onRemove }) => (
        <Pill withRemoveButton onRemove={onRemove} removeButtonProps={{ 'aria-label': t('webhooks.removeEvent', { event }) }}>
          {event === ALL_EVENTS ? t('webhooks.allEvents') : <bdi dir="ltr">{option?.label ?? event}</bdi>}
        </Pill>
      )}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
