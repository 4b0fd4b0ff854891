import { createTheme, type CSSVariablesResolver } from '@mantine/core';

// Shade 8 of blue on white, and gray 7 for dimmed text, pass WCAG AA contrast (4.5:1) where
// Mantine's defaults (shade 6, gray 6) do not.
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 5 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans Arabic", "Noto Sans", sans-serif',
  defaultRadius: 'md',
  headings: { fontWeight: '650' },
});

// The light variants' text (badges, alerts) darker than shade 9, and error text at shade 8, for the same reason.
const LIGHT_COLORS = ['blue', 'green', 'teal', 'orange', 'red', 'gray', 'cyan', 'indigo'];

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-8)',
    ...Object.fromEntries(LIGHT_COLORS.map((c) => [`--mantine-color-${c}-light-color`, `color-mix(in srgb, var(--mantine-color-${c}-9) 70%, black)`])),
  },
  dark: {},
});
