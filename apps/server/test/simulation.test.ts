import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from './harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const SPEC_EXAMPLE = {
  pack: 'inserm-2021',
  date: '2021-06-01',
  household: {
    rfrEuros: 52000,
    couple: true,
    memberDisabled: false,
    spouseDisabled: false,
    children: [{ birthDate: '2012-03-04', sharedCustody: false, disabled: false }],
    disabledAdultDependants: 0,
  },
};

describe('POST /api/v1/simulations (SPEC §8)', () => {
  it('answers the SPEC example exactly, without a cookie or a CSRF token', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/simulations',
      payload: SPEC_EXAMPLE,
    });
    expect(response.statusCode).toBe(200);
    const answer = response.json<Record<string, unknown>>();
    expect(answer).toMatchObject({
      pack: 'inserm-2021',
      parts: 3,
      quotientCents: 1733333,
      rates: { standard: 27.81, majore: 37.81, promotionnel: 52.81 },
      annualCeilingCents: 119880,
      skiAidCents: null,
    });
    expect(answer.explanation).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          step: 'parts',
          value: 3,
          text: expect.stringContaining('= 3') as string,
        }),
      ]),
    );
  });
  it('gives CNRS grids and adds the spouse income for a couple', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/simulations',
      payload: {
        pack: 'cnrs-2019',
        date: '2020-01-01',
        household: { rfrEuros: 30000, spouseRfrEuros: 20000, couple: true },
      },
    });
    expect(response.json()).toMatchObject({
      parts: 2,
      quotientCents: 2500000,
      rates: { vacances: 13, jeunesMoins18: 22 },
      annualCeilingCents: null,
      skiAidCents: null,
    });
  });
  it('answers 400 with each faulty field, in French, under the API’s names', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/simulations',
      payload: {
        pack: 'inserm-2021',
        date: '14/07/2021',
        household: {
          rfrEuros: -3,
          children: [{ birthDate: '2021-02-30' }],
          disabledAdultDependants: 25,
        },
      },
    });
    expect(response.statusCode).toBe(400);
    const answer = response.json<{ error: string; issues: { path: string; message: string }[] }>();
    expect(answer.error).toBe('invalid_input');
    // One sentence a field, each saying what to type.
    expect(answer.issues).toEqual([
      { path: 'date', message: 'date au format AAAA-MM-JJ attendue, par exemple 2021-07-14' },
      {
        path: 'household.rfrEuros',
        message: 'tapez un montant positif, par exemple 32500 (0 s’il n’y en a pas)',
      },
      {
        path: 'household.children.0.birthDate',
        message: 'cette date n’existe pas dans le calendrier : vérifiez le jour et le mois',
      },
      {
        path: 'household.disabledAdultDependants',
        message: 'indiquez un nombre entier d’adultes entre 0 et 20, par exemple 1',
      },
    ]);
  });
  it('maps the engine’s own field errors to the API names', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/simulations',
      payload: { ...SPEC_EXAMPLE, date: '2011-01-01' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: 'invalid_input',
      issues: [
        {
          path: 'household.children.0.birthDate',
          message: 'la date de naissance est postérieure à la date de calcul',
        },
      ],
    });
  });
  it('answers 422 naming an unknown pack or a missing parameter', async () => {
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/simulations',
      payload: { ...SPEC_EXAMPLE, pack: 'inserm-1999' },
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({
      error: 'unknown_pack',
      message: expect.stringContaining('inserm-1999') as string,
    });
    const incomplete = await t.app.inject({
      method: 'POST',
      url: '/api/v1/simulations',
      payload: { ...SPEC_EXAMPLE, pack: 'inserm-2023' },
    });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json()).toMatchObject({
      error: 'missing_parameter',
      message: expect.stringContaining('« parts »') as string,
    });
  });
  it('answers 400, never 500, to a body that is not JSON', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/simulations',
      headers: { 'content-type': 'application/json' },
      payload: '{"pack":',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: 'invalid_input' });
  });
  it('lists the packs', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/packs' });
    expect(response.json<{ packs: { id: string }[] }>().packs.map((p) => p.id)).toEqual([
      'cnrs-2019',
      'inserm-2021',
      'inserm-2023',
    ]);
  });
  it('serves the OpenAPI document of the whole API', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs' })).json<{
      openapi: string;
      paths: Record<string, unknown>;
    }>();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/simulations',
        '/api/session',
        '/api/sign-up-requests',
        '/api/staff/sign-up-requests/{id}/approve',
      ]),
    );
  });
});

/** Every "METHOD /path" Fastify routes, read from its route tree (a child line extends its parent's path). */
function servedRoutes(tree: string): string[] {
  const parents: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│ ]*)[├└]── (\S*)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? '').length / 4;
    const path = (parents[depth - 1] ?? '') + (match[2] ?? '');
    parents[depth] = path;
    for (const method of (match[3] ?? '').split(', ').filter(Boolean))
      routes.push(`${method} ${path.replace(/:(\w+)/g, '{$1}')}`);
  }
  return routes;
}

describe('OpenAPI completeness', () => {
  it('documents every API route the server answers', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
    const routes = servedRoutes(t.app.printRoutes({ commonPrefix: false })).filter(
      (route) =>
        route.includes(' /api/') &&
        !route.startsWith('HEAD ') &&
        route !== 'GET /api/docs' &&
        route !== 'GET /api/health',
    );
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.filter((route) => !documented.has(route))).toEqual([]);
  });
});
