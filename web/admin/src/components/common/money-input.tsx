import { NumberInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { minorDigits } from '../../lib/format.ts';

/**
 * An amount typed in major units (12.50) and held in the API's integer minor units (1250), so
 * money never passes through a float on its way to the engine.
 */
export function MoneyInput({ label, description, currency, value, onChange, error, required }: { label: string; description?: ReactNode; currency: string; value: number | ''; onChange: (minor: number | '') => void; error?: ReactNode; required?: boolean }) {
  const digits = minorDigits(currency);
  return (
    <NumberInput
      label={label}
      description={description}
      required={required}
      min={0}
      decimalScale={digits}
      fixedDecimalScale={digits > 0}
      rightSection={currency}
      rightSectionWidth={48}
      value={value === '' ? '' : value / 10 ** digits}
      onChange={(major) => onChange(typeof major === 'number' ? Math.round(major * 10 ** digits) : major === '' ? '' : Math.round(Number(major) * 10 ** digits))}
      error={error}
    />
  );
}
