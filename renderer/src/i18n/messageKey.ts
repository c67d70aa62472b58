import type en from './locales/en.json';

/** A key of the UI strings, for values that carry a message to be translated later (notices). */
export type MessageKey = keyof typeof en;

/** A message chosen now and translated when drawn, so a language switch re-translates it. */
export interface Message {
  key: MessageKey;
  values?: Record<string, string | number>;
}
