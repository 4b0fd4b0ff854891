// A question's text, or an option's label, in the dashboard's language where the merchant wrote
// one, else in English (what every language falls back to).
export const inLanguage = (texts: Record<string, string | undefined>, language: string): string => texts[language] ?? texts.en ?? '';
