// Strict XML parsing for tests (saxes: a non-validating parser that rejects anything not well-formed),
// into a small element tree that assertions can walk.
import { SaxesParser } from 'saxes';

export type XmlElement = { name: string; uri: string; attributes: Record<string, string>; children: XmlElement[]; text: string };

/** Parses a whole document; throws on the first well-formedness or namespace error. */
export function parseXml(source: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let failure: Error | null = null;
  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const [name, attribute] of Object.entries(tag.attributes)) attributes[name] = attribute.value;
    const node: XmlElement = { name: tag.local, uri: tag.uri, attributes, children: [], text: '' };
    stack.at(-1)?.children.push(node);
    root ??= node;
    stack.push(node);
  });
  parser.on('text', (text) => {
    const current = stack.at(-1);
    if (current) current.text += text;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(source).close();
  if (failure) throw failure;
  if (!root) throw new Error('no root element');
  return root;
}

export function childrenNamed(node: XmlElement, name: string): XmlElement[] {
  return node.children.filter((child) => child.name === name);
}

export function childNamed(node: XmlElement, name: string): XmlElement {
  const found = childrenNamed(node, name)[0];
  if (!found) throw new Error(`<${node.name}> has no <${name}>`);
  return found;
}
