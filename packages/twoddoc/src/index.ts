export { FIELDS, GS, RS, US, type FieldSpec } from './fields.ts';
export { parseHeader, TwoDDocError, type Header } from './header.ts';
export { base32, parseMessage, read2dDoc, type Field, type TwoDDoc } from './message.ts';
export { verifySignature } from './signature.ts';
export { taxNotice, type TaxNotice } from './tax-notice.ts';
export { verify2dDoc, type TrustedAuthority, type TrustList, type Verdict } from './trust.ts';
