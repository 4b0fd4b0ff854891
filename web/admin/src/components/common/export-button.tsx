import { Alert, Button } from '@mantine/core';
import { useState, type MouseEvent } from 'react';
import { download } from '../../api/client.ts';

/**
 * Downloads a CSV export of the API. The link works as it is for the default program; the click
 * sends the chosen program's header (and shows the API's error when there is one).
 */
export function ExportButton({ url, filename, label }: { url: string; filename: string; label: string }) {
  const [error, setError] = useState<string | null>(null);
  const onClick = (event: MouseEvent) => {
    event.preventDefault();
    setError(null);
    download(url, filename).catch((e: Error) => setError(e.message));
  };
  return (
    <>
      <Button component="a" href={url} variant="default" onClick={onClick}>
        {label}
      </Button>
      {error && (
        <Alert color="red" variant="light" role="alert" mt="sm" w="100%">
          {error}
        </Alert>
      )}
    </>
  );
}
