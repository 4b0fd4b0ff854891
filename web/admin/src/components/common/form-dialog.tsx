import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface FormDialogProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  onSubmit: () => void;
  pending: boolean;
  error: string | null | undefined;
  submitLabel: string;
  children: ReactNode;
  /** Shown between the fields and the buttons, outside the form (it may hold a form of its own). */
  after?: ReactNode;
  size?: 'md' | 'lg';
}

/** A form in a modal: the API's error that names no field above the fields, then Cancel and submit. */
export function FormDialog({ opened, onClose, title, onSubmit, pending, error, submitLabel, children, after, size = 'md' }: FormDialogProps) {
  const { t } = useTranslation();
  const formId = useId();
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        id={formId}
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
        noValidate
      >
        <Stack>
          {error && (
            <Alert color="red" variant="light" role="alert">
              {error}
            </Alert>
          )}
          {children}
        </Stack>
      </form>
      {after}
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" form={formId} loading={pending}>
          {submitLabel}
        </Button>
      </Group>
    </Modal>
  );
}
