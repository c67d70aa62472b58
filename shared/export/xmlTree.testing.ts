/**
 * Test support: parses XML with `saxes` (strict, namespace-aware; throws on anything not
 * well-formed) into a small element tree the exporter tests can query.
 */
import { SaxesParser } from 'saxes';

export interface XmlElement {
  /** Local name. */
  name: string;
  /** Namespace URI ('' when none). */
  uri: string;
  /** Attribute values by qualified name (e.g. `xml:lang`). */
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Text content directly inside this element. */
  text: string;
}

/** Parses `xml`; throws the parser's error message for malformed input. */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const root: XmlElement = { name: '#document', uri: '', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  parser.on('opentag', (tag) => {
    const element: XmlElement = {
      name: tag.local,
      uri: tag.uri,
      attributes: Object.fromEntries(Object.values(tag.attributes).map((a) => [a.name, a.value])),
      children: [],
      text: '',
    };
    stack.at(-1)!.children.push(element);
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', (text) => {
    stack.at(-1)!.text += text;
  });
  parser.write(xml).close();
  const [top] = root.children;
  if (!top) throw new Error('no root element');
  return top;
}

/** All descendants (depth first) with local name `name`. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((child) => [...(child.name === name ? [child] : []), ...findAll(child, name)]);
}
