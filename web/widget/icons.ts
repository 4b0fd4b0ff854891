import { svg } from 'lit';

/** The launcher's icons (program setting widget_theme.launcher_icon), 24×24, drawn in currentColor. */
export const ICONS = {
  star: svg`<path d="M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z"/>`,
  gift: svg`<path d="M20 7h-2.2A3 3 0 0 0 12 3.8 3 3 0 0 0 6.2 7H4a1 1 0 0 0-1 1v3a1 1 0 0 0 1 1h7V7.5h2V12h7a1 1 0 0 0 1-1V8a1 1 0 0 0-1-1zM9 7a1 1 0 1 1 1-1v1zm5 0V6a1 1 0 1 1 1 1zM4 13.5V20a1 1 0 0 0 1 1h6v-7.5zm9 7.5h6a1 1 0 0 0 1-1v-6.5h-7z"/>`,
  heart: svg`<path d="M12 21s-7.5-4.6-9.6-9.2C1 8.6 3 5 6.5 5c2 0 3.3 1.1 4 2.3l1.5 2 1.5-2C14.2 6.1 15.5 5 17.5 5 21 5 23 8.6 21.6 11.8 19.5 16.4 12 21 12 21z"/>`,
  crown: svg`<path d="M3 7l4.5 4L12 4l4.5 7L21 7l-2 12H5zm2 13.5h14V22H5z"/>`,
};

export type IconName = keyof typeof ICONS;
