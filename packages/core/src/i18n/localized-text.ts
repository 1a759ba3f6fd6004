/** A text, or the same text in several languages keyed by BCP 47 language tag. */
export type LocalizedText = string | Readonly<Record<string, string>>;
