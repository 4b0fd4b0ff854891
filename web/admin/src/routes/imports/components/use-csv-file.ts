import { useState } from 'react';

/** A chosen file and its text once read; `onChoose` hears each change (to reset a result shown). */
export function useCsvFile(onChoose: () => void) {
  const [file, setFile] = useState<File | null>(null);
  const [csv, setCsv] = useState<string | null>(null);
  const choose = (chosen: File | null) => {
    setFile(chosen);
    setCsv(null);
    onChoose();
    if (chosen) void chosen.text().then(setCsv);
  };
  return { file, csv, choose };
}
