import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { count, of } from './french.ts';
import * as accounts from './accounts.ts';
import * as agentRecord from './agent-record.ts';
import * as billing from './billing.ts';
import * as catalogue from './catalogue.ts';
import * as claims from './claims.ts';
import * as common from './common.ts';
import * as member from './member.ts';
import * as pages from './pages.ts';
import * as registrations from './registrations.ts';
import * as shared from './shared.ts';
import * as simulator from './simulator.ts';
import * as solidarity from './solidarity.ts';
import * as staff from './staff.ts';
import * as labels from './labels.ts';

// The screens' texts live in this folder, one catalogue per area; this test keeps it that way and
// reads every message as a member would.

const src = join(import.meta.dirname, '..');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? e.name === 'messages'
        ? []
        : sources(join(dir, e.name))
      : /\.tsx?$/.test(e.name) && !e.name.includes('.test.')
        ? [join(dir, e.name)]
        : [],
  );

/** Attributes whose values are code (class names, ids, addresses), never read by a person. */
const CODE_ATTRIBUTES = new Set([
  'className',
  'key',
  'to',
  'href',
  'type',
  'id',
  'htmlFor',
  'aria-describedby',
  'aria-labelledby',
]);
const PROSE = /[À-ÿ’]|[a-z] [a-z]|^[A-ZÀ-Ý][a-zà-ÿ]+(?: |$)/;

/** Texts a person would read written outside the catalogue: JSX text, attributes, prose strings. */
function textsOutsideCatalogue(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const inCodeAttribute = (node: ts.Node): boolean => {
    for (let p = node.parent; !ts.isSourceFile(p); p = p.parent) {
      if (ts.isJsxAttribute(p)) return CODE_ATTRIBUTES.has(p.name.getText(source));
    }
    return false;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && /[A-Za-zÀ-ÿ]/.test(node.text)) found.push(node.text.trim());
    else if (
      (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) &&
      PROSE.test(node.text) &&
      !/Page$/.test(node.text) &&
      !ts.isImportDeclaration(node.parent) &&
      !inCodeAttribute(node)
    )
      found.push(node.text);
    else if (
      ts.isTemplateExpression(node) &&
      !inCodeAttribute(node) &&
      [node.head, ...node.templateSpans.map((s) => s.literal)].some(
        (part) => /[A-Za-zÀ-ÿ]{2,}/.test(part.text) && /[\sÀ-ÿ’]/.test(part.text),
      )
    )
      found.push(node.getText(source));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.map((text) => `${relative(src, file)}: ${text}`);
}

const areas = {
  accounts,
  agentRecord,
  billing,
  catalogue,
  claims,
  common,
  member,
  pages,
  registrations,
  shared,
  simulator,
  solidarity,
  staff,
};

/** Every message, those with parameters said with sample values (a name, 2, 1, true). */
function everyMessage(): { key: string; text: string }[] {
  const said: { key: string; text: string }[] = [];
  for (const [area, objects] of Object.entries(areas)) {
    for (const [name, messages] of Object.entries(objects as Record<string, object>)) {
      for (const [key, message] of Object.entries(messages as Record<string, unknown>)) {
        const where = `${area}.${name}.${key}`;
        if (typeof message === 'string') said.push({ key: where, text: message });
        else if (typeof message === 'function') {
          for (const sample of ['Paul', 2, 1, true]) {
            const args = Array.from({ length: message.length }, () => sample);
            said.push({
              key: where,
              text: String((message as (...a: unknown[]) => unknown)(...args)),
            });
          }
        }
      }
    }
  }
  for (const [name, table] of Object.entries(labels)) {
    if (typeof table === 'object') {
      for (const [code, text] of Object.entries(table)) {
        if (typeof text === 'string') said.push({ key: `labels.${name}.${code}`, text });
      }
    }
  }
  return said;
}

describe('the French message catalogue', () => {
  it('holds every text of the screens: none is written in a component', () => {
    const outside = sources(src).flatMap(textsOutsideCatalogue);
    expect(outside).toEqual([]);
  });

  it('finds a text written in a component (the check above can fail)', () => {
    const file = join(import.meta.dirname, 'fixture-component.tsx.txt');
    expect(textsOutsideCatalogue(file)).toEqual([
      expect.stringContaining('Envoyer ma demande'),
      expect.stringContaining('Nom de l’enfant'),
      expect.stringContaining('`Bonjour ${name}`'),
    ]);
  });

  it('says plurals and elisions the French way', () => {
    expect(count(0, 'enfant')).toBe('0 enfant');
    expect(count(1, 'enfant')).toBe('1 enfant');
    expect(count(2, 'enfant')).toBe('2 enfants');
    expect(count(1500, 'place')).toBe('1\u202f500 places');
    expect(count(3, 'ayant droit', 'ayants droit')).toBe('3 ayants droit');
    expect(of('Amélie')).toBe('d’Amélie');
    expect(of('Élodie')).toBe('d’Élodie');
    expect(of('Yves')).toBe('d’Yves');
    expect(of('Camille')).toBe('de Camille');
    expect(staff.signUpQueuePage.validerInscription('Amélie')).toBe(
      'Valider l’inscription d’Amélie',
    );
    expect(staff.recordValidationPage.ficheValideeFichesValidees(1)).toBe('1 fiche validée.');
    expect(staff.recordValidationPage.ficheValideeFichesValidees(3)).toBe('3 fiches validées.');
  });

  it('reads every message in plain French: no code words, no "(s)", no straight quote', () => {
    const faults = everyMessage().filter(
      ({ text }) =>
        /\((?:s|e|es)\)|undefined|\[object|\b(?:submitted|validated|rejected|request|error|loading)\b/i.test(
          text,
        ) ||
        text.includes('NaN') ||
        /\w'\w/.test(text) ||
        /\d{4}-\d{2}-\d{2}/.test(text) ||
        /\s{2}|\s[,.]/.test(text) ||
        /(?<!\p{L})(?:de|que|ne|je|se) [aeiouéèêàâîôûy]/iu.test(text),
    );
    expect(faults).toEqual([]);
  });

  it('elides before a name: "d’Amélie" through of(), never "de ${firstName}"', () => {
    const catalogue = readdirSync(import.meta.dirname)
      .filter((f) => f.endsWith('.ts') && !f.includes('.test.'))
      .map((f) => readFileSync(join(import.meta.dirname, f), 'utf8'))
      .join('\n');
    const names = /\b(?:de|que) \$\{\w*(?:[nN]ame|holder|partner|city|member|who)\}/g;
    expect(catalogue.match(names)).toBeNull();
  });
});
