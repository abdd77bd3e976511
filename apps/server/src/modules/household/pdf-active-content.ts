// Whether a member's PDF runs something or carries a file: refused, as a staff member opens it in
// their reader. One kind of carried file is let through: the XML invoice of a Factur-X (or
// ZUGFeRD) PDF, which French invoicing software attaches to every invoice since the e-invoicing
// reform (decision 0037).
import { inflateSync } from 'node:zlib';
import {
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFStream,
  PDFString,
  type PDFDocument,
  type PDFObject,
} from 'pdf-lib';

/** Keys, and names of a key, by which a PDF runs something or carries another file. */
const ACTIVE_KEYS = new Set(['JS', 'JavaScript', 'Launch', 'EF', 'RichMedia', 'XFA']);
const ACTIVE_NAMES = new Map([
  // An action's type.
  ['S', new Set(['JavaScript', 'Launch', 'ImportData', 'RichMediaExecute'])],
  // A file carried inside, wherever it is referred to from (a page's annotation, say).
  ['Type', new Set(['EmbeddedFile'])],
]);

/** The most of an attached invoice read to check it is XML (a Factur-X's is tens of kB). */
const MOST_XML_BYTES = 5_000_000;

const text = (object: PDFObject | undefined): string =>
  object instanceof PDFString || object instanceof PDFHexString || object instanceof PDFName
    ? object.decodeText()
    : '';

/**
 * Whether a carried file is an XML invoice: said to be XML (`text/xml` or `application/xml`),
 * stored as it is or deflated, and XML indeed — without a DOCTYPE, which no invoice needs and
 * through which an XML reader can be made to fetch or expand entities.
 */
function isXmlInvoice(stream: PDFObject | undefined): boolean {
  if (!(stream instanceof PDFRawStream)) return false;
  const { dict } = stream;
  if (!['text/xml', 'application/xml'].includes(text(dict.get(PDFName.of('Subtype')))))
    return false;
  const filter = dict.get(PDFName.of('Filter'));
  let bytes: Uint8Array;
  try {
    if (filter === undefined) bytes = stream.contents;
    else if (text(filter) === 'FlateDecode')
      bytes = inflateSync(stream.contents, { maxOutputLength: MOST_XML_BYTES });
    else return false;
  } catch {
    return false;
  }
  const content = Buffer.from(bytes.subarray(0, MOST_XML_BYTES))
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  return content.startsWith('<') && !/<!(DOCTYPE|ENTITY)/i.test(content);
}

/**
 * Whether a file specification carries an XML invoice (named `….xml`) and nothing else: no
 * related files (`RF`) beside it.
 */
function carriesXmlInvoice(spec: PDFDict, pdf: PDFDocument): boolean {
  const name = text(spec.lookup(PDFName.of('UF'))) || text(spec.lookup(PDFName.of('F')));
  const files = spec.lookup(PDFName.of('EF'));
  if (
    !name.toLowerCase().endsWith('.xml') ||
    !(files instanceof PDFDict) ||
    spec.has(PDFName.of('RF'))
  )
    return false;
  return files.entries().every(([, file]) => isXmlInvoice(pdf.context.lookup(file)));
}

/**
 * Whether an object, or a dictionary or array inside it, is active content. Deeper than 32
 * levels counts as active: no PDF a person prints nests so deep, and a viewer follows a chain of
 * actions (`Next`) to its end.
 */
function isActive(object: PDFObject, depth: number, pdf: PDFDocument): boolean {
  if (depth > 32) return true;
  if (object instanceof PDFStream && text(object.dict.get(PDFName.of('Type'))) === 'EmbeddedFile')
    return !isXmlInvoice(object);
  const dict = object instanceof PDFStream ? object.dict : object;
  if (dict instanceof PDFDict) {
    for (const [key, value] of dict.entries()) {
      const name = key.decodeText();
      if (name === 'EF' && carriesXmlInvoice(dict, pdf)) continue;
      if (ACTIVE_KEYS.has(name)) return true;
      if (value instanceof PDFName && ACTIVE_NAMES.get(name)?.has(value.decodeText())) return true;
      if (isActive(value, depth + 1, pdf)) return true;
    }
  }
  if (dict instanceof PDFArray)
    return dict.asArray().some((item) => isActive(item, depth + 1, pdf));
  return false;
}

/** Whether any object of the PDF is active content (an XML invoice carried is not). */
export const hasActiveContent = (pdf: PDFDocument): boolean =>
  pdf.context.enumerateIndirectObjects().some(([, object]) => isActive(object, 0, pdf));
