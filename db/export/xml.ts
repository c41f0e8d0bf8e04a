// XML for the GraphML and GEXF exporters: fast-xml-parser's builder renders one element at a time
// (it escapes attribute values and text), and the exporters stream those elements into the file.
// Characters that XML 1.0 forbids (control characters, lone surrogates) are dropped first, since
// imported text may contain them and every XML reader would refuse the file.
import { XMLBuilder } from 'fast-xml-parser';

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: true, processEntities: true });

const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(value: string): string {
  return value.replace(FORBIDDEN, '');
}

export type XmlValue = string | number | boolean;

/** Attributes object for the builder from a plain map, skipping null and undefined. */
export function attrs(values: Record<string, XmlValue | null | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value !== null && value !== undefined) out[`@_${key}`] = xmlSafe(String(value));
  }
  return out;
}

/** One element rendered to text: `{ node: {...} }` → `<node …>…</node>`. */
export function element(name: string, body: Record<string, unknown>): string {
  return builder.build({ [name]: body }) as string;
}

const lineBuilder = new XMLBuilder({
  ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: true, processEntities: true, format: true, indentBy: '  ',
});

/**
 * Streams many elements of one name: the builder renders them a batch at a time (its per-call
 * overhead dominated the 1M-element exports), one element per line.
 */
export function elementStream(name: string, write: (chunk: string) => void, size = 512) {
  let batch: Record<string, unknown>[] = [];
  const flush = () => {
    if (batch.length === 0) return;
    // written as built: re-indenting would change the text of multi-line values
    write(lineBuilder.build({ [name]: batch }) as string);
    batch = [];
  };
  return {
    push(body: Record<string, unknown>) {
      batch.push(body);
      if (batch.length >= size) flush();
    },
    flush,
  };
}

/** A text-only child element value (escaped by the builder). */
export function text(value: XmlValue): string {
  return xmlSafe(String(value));
}
