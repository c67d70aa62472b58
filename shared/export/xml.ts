/**
 * Writing XML text safely, shared by the XLIFF and TMX exporters.
 */

/**
 * Characters XML 1.0 forbids anywhere (even escaped): C0 controls other than tab, LF and CR,
 * U+FFFE/U+FFFF and lone surrogates. They turn up in text pasted from PDFs; one of them would make
 * the whole file unreadable, so each becomes U+FFFD.
 */
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Escapes text for element content. CR is written as `&#13;` because a parser turns a raw CR
 * (and CRLF) into LF, and the texts should come back as they were.
 */
export function xmlText(text: string): string {
  return text
    .replace(FORBIDDEN, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/**
 * Escapes text for a double-quoted attribute value. Tab, LF and CR are written as character
 * references because attribute-value normalisation would otherwise turn them into spaces.
 */
export function xmlAttr(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

/** Renders `name="value"` pairs, skipping undefined values, with a leading space each. */
export function xmlAttrs(attributes: Record<string, string | number | undefined>): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${xmlAttr(String(value))}"`)
    .join('');
}
