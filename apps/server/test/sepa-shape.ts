// The constraints of pain.001.001.03 (ISO 20022) that our payout files rely on, checked on the
// text: element order of each sequence, the patterns of IBAN, BIC, amounts and texts, and the
// totals. (The official XSD is not shipped with the project; these rules are transcribed from it.)

const children = (xml: string, parent: string): string[] => {
  const body = new RegExp(`<${parent}>([\\s\\S]*?)</${parent}>`).exec(xml)?.[1] ?? '';
  const names: string[] = [];
  let depth = 0;
  for (const match of body.matchAll(/<(\/?)([A-Za-z]+)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = match;
    if (closing) depth -= 1;
    else {
      if (depth === 0 && name) names.push(name);
      if (!selfClosing) depth += 1;
    }
  }
  return names;
};

const inOrder = (found: string[], sequence: string[]): boolean => {
  let at = 0;
  for (const name of found) {
    const index = sequence.indexOf(name, at);
    if (index < 0) return false;
    at = index + 1;
  }
  return true;
};

const values = (xml: string, tag: string): string[] =>
  [...xml.matchAll(new RegExp(`<${tag}(?: [^>]*)?>([^<]*)</${tag}>`, 'g'))].map((m) => m[1] ?? '');

/** The problems of a pain.001.001.03 document (empty when it keeps the schema's rules we use). */
export function sepaProblems(xml: string): string[] {
  const problems: string[] = [];
  if (!xml.includes('<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"'))
    problems.push('namespace');
  const check = (parent: string, sequence: string[], required: string[]) => {
    const found = children(xml, parent);
    if (!inOrder(found, sequence)) problems.push(`${parent}: order ${found.join(',')}`);
    for (const name of required)
      if (!found.includes(name)) problems.push(`${parent}: ${name} missing`);
  };
  check(
    'GrpHdr',
    ['MsgId', 'CreDtTm', 'Authstn', 'NbOfTxs', 'CtrlSum', 'InitgPty', 'FwdgAgt'],
    ['MsgId', 'CreDtTm', 'NbOfTxs', 'InitgPty'],
  );
  check(
    'PmtInf',
    [
      'PmtInfId',
      'PmtMtd',
      'BtchBookg',
      'NbOfTxs',
      'CtrlSum',
      'PmtTpInf',
      'ReqdExctnDt',
      'PoolgAdjstmntDt',
      'Dbtr',
      'DbtrAcct',
      'DbtrAgt',
      'DbtrAgtAcct',
      'UltmtDbtr',
      'ChrgBr',
      'ChrgsAcct',
      'ChrgsAcctAgt',
      'CdtTrfTxInf',
    ],
    ['PmtInfId', 'PmtMtd', 'ReqdExctnDt', 'Dbtr', 'DbtrAcct', 'DbtrAgt', 'CdtTrfTxInf'],
  );
  check(
    'CdtTrfTxInf',
    [
      'PmtId',
      'PmtTpInf',
      'Amt',
      'XchgRateInf',
      'ChrgBr',
      'ChqInstr',
      'UltmtDbtr',
      'IntrmyAgt1',
      'CdtrAgt',
      'CdtrAgtAcct',
      'Cdtr',
      'CdtrAcct',
      'UltmtCdtr',
      'InstrForCdtrAgt',
      'InstrForDbtrAgt',
      'Purp',
      'RgltryRptg',
      'Tax',
      'RltdRmtInf',
      'RmtInf',
    ],
    ['PmtId', 'Amt'],
  );
  for (const iban of values(xml, 'IBAN'))
    if (!/^[A-Z]{2}[0-9]{2}[a-zA-Z0-9]{1,30}$/.test(iban)) problems.push(`IBAN ${iban}`);
  for (const bic of values(xml, 'BIC'))
    if (!/^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$/.test(bic)) problems.push(`BIC ${bic}`);
  for (const tag of ['MsgId', 'PmtInfId', 'EndToEndId'])
    for (const v of values(xml, tag))
      if (v.length < 1 || v.length > 35) problems.push(`${tag} length`);
  for (const v of values(xml, 'Nm')) if (v.length < 1 || v.length > 70) problems.push('Nm length');
  for (const v of values(xml, 'Ustrd'))
    if (v.length < 1 || v.length > 140) problems.push('Ustrd length');
  for (const v of values(xml, 'CreDtTm'))
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(v)) problems.push('CreDtTm');
  for (const v of values(xml, 'ReqdExctnDt'))
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) problems.push('ReqdExctnDt');
  const amounts = values(xml, 'InstdAmt');
  for (const v of amounts) if (!/^\d{1,16}(\.\d{1,2})?$/.test(v)) problems.push(`InstdAmt ${v}`);
  const cents = amounts.reduce((sum, v) => sum + Math.round(Number(v) * 100), 0);
  for (const v of values(xml, 'NbOfTxs'))
    if (Number(v) !== amounts.length) problems.push('NbOfTxs');
  for (const v of values(xml, 'CtrlSum'))
    if (Math.round(Number(v) * 100) !== cents) problems.push('CtrlSum');
  return problems;
}
