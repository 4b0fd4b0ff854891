/**
 * The look of what shoppers see, from the program's widget_theme: CSS custom properties the widget
 * and the hosted pages both style themselves with. A page can override any of them on the
 * element (`regulars-widget { --regulars-primary: #0a7d4f }`).
 */
export interface Theme {
  primary_color?: string;
  text_color?: string;
  background_color?: string;
  font_family?: string;
  radius_px?: number;
}

/** The defaults pass WCAG AA: 7.9:1 for white on the primary, 15.8:1 for the text on white. */
export const DEFAULT_THEME = { primary_color: '#4338ca', text_color: '#1f2328', background_color: '#ffffff', font_family: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", sans-serif', radius_px: 12 };

export function themeProperties(theme: Theme): Record<string, string> {
  const t = { ...DEFAULT_THEME, ...theme };
  return {
    '--regulars-primary': t.primary_color,
    '--regulars-on-primary': readableOn(t.primary_color),
    '--regulars-text': t.text_color,
    '--regulars-background': t.background_color,
    '--regulars-font': t.font_family,
    '--regulars-radius': `${t.radius_px}px`,
  };
}

/** White or near-black, whichever reads better on the colour (a merchant's light brand colour gets dark text). */
export function readableOn(hex: string): string {
  if (luminance(hex) === undefined) return '#ffffff';
  return contrast('#ffffff', hex) >= contrast('#111111', hex) ? '#ffffff' : '#111111';
}

/** The contrast ratio of two colours, 1 to 21 (WCAG 2.2). */
export function contrast(a: string, b: string): number {
  const [la, lb] = [luminance(a) ?? 0, luminance(b) ?? 0];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function luminance(hex: string): number | undefined {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) return undefined;
  const channel = (i: number) => {
    const c = parseInt(m[1]!.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}
