import type { LocalizedText } from './localized-text.js';
import { pickLanguage } from './pick-language.js';

/**
 * The text to show for `acceptLanguage`. A plain string is returned as is. For a map, the default language is
 * `defaultLanguage` when the map has it, else the map's first entry.
 */
export function resolveLocalizedText(
  text: LocalizedText,
  defaultLanguage: string,
  acceptLanguage?: string,
): string {
  if (typeof text === 'string') return text;
  const tags = Object.keys(text);
  const fallback = tags.find((tag) => tag.toLowerCase() === defaultLanguage.toLowerCase()) ?? tags[0]!;
  return text[pickLanguage(tags, acceptLanguage, fallback)]!;
}
