import { Alert } from '@mantine/core';

/** Above a settings form: the API's error that no field shows, or that the save went through. */
export function SaveStatus({ error, saved, savedText }: { error: string | undefined; saved: boolean; savedText: string }) {
  return (
    <>
      {error && (
        <Alert color="red" variant="light" role="alert">
          {error}
        </Alert>
      )}
      {saved && (
        <Alert color="green" variant="light" role="status">
          {savedText}
        </Alert>
      )}
    </>
  );
}
