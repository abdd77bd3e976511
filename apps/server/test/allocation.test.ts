import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocate,
  type AllocationRequest,
  type AllocationSession,
} from '../src/modules/registrations/allocation.ts';

const session = (id: string, places: number, waitingPlaces = 10): AllocationSession => ({
  id,
  label: id,
  places,
  waitingPlaces,
});
const request = (id: string, fields: Partial<AllocationRequest> = {}): AllocationRequest => ({
  id,
  number: Number(id.replace(/\D/g, '')) || 1,
  choices: ['A'],
  wentBefore: false,
  late: false,
  quotientCents: 100_000,
  completeAt: '2021-04-01T10:00:00.000000Z',
  ...fields,
});

describe('allocation at closing', () => {
  it('where the committee does not put first those who never went (CNRS), the quotient decides and no text speaks of it', () => {
    const decisions = allocate(
      [session('A', 1, 0)],
      [
        request('r1', { wentBefore: null, quotientCents: 1 }),
        request('r2', { wentBefore: null, quotientCents: 50_000 }),
      ],
    );
    expect(decisions.map((d) => [d.requestId, d.outcome])).toEqual([
      ['r1', 'confirmed'],
      ['r2', 'refused'],
    ]);
    expect(decisions[0]?.reasons[0]).toBe(
      'Rang 1 sur 2 dans l’ordre de priorité : quotient familial 0,01\u00a0€, demande complète le 01/04/2021.',
    );
  });
  it('orders by completion in time, not by its Paris text, and says the Paris day', () => {
    // 31 October 2021: 02:40 summer time, then 02:10 winter time half an hour later.
    const decisions = allocate(
      [session('A', 1, 0)],
      [
        request('r1', { completeAt: '2021-10-31T01:10:00.000000Z' }),
        request('r2', { completeAt: '2021-10-31T00:40:00.000000Z' }),
        request('r3', { completeAt: '2021-03-31T22:30:00.000000Z' }),
      ],
    );
    expect(decisions.map((d) => d.requestId)).toEqual(['r3', 'r2', 'r1']);
    expect(decisions[0]?.reasons[0]).toMatch(/demande complète le 01\/04\/2021\.$/);
    expect(decisions[1]?.reasons[0]).toMatch(/demande complète le 31\/10\/2021\.$/);
  });

  it('orders by never went, then lowest QF, then earliest complete request, then late requests', () => {
    const decisions = allocate(
      [session('A', 3, 0)],
      [
        request('r1', { wentBefore: true, quotientCents: 1 }),
        request('r2', { quotientCents: 50_000, completeAt: '2021-04-02T09:00:00.000000Z' }),
        request('r3', { quotientCents: 50_000, completeAt: '2021-04-01T09:00:00.000000Z' }),
        request('r4', { late: true, quotientCents: 0 }),
        request('r5', { quotientCents: 20_000 }),
      ],
    );
    expect(decisions.map((d) => [d.requestId, d.outcome])).toEqual([
      ['r5', 'confirmed'],
      ['r3', 'confirmed'],
      ['r2', 'confirmed'],
      ['r1', 'refused'],
      ['r4', 'refused'],
    ]);
  });

  it('tries the next choice when one is full, then waits on the first list with room', () => {
    const decisions = allocate(
      [session('A', 1, 1), session('B', 1, 0)],
      [
        request('r1', { choices: ['A', 'B'], quotientCents: 1 }),
        request('r2', { choices: ['A', 'B'], quotientCents: 2 }),
        request('r3', { choices: ['B', 'A'], quotientCents: 3 }),
        request('r4', { choices: ['B', 'A'], quotientCents: 4 }),
      ],
    );
    expect(decisions.map((d) => [d.requestId, d.outcome, d.sessionId, d.rank])).toEqual([
      ['r1', 'confirmed', 'A', 1],
      ['r2', 'confirmed', 'B', 2],
      ['r3', 'waiting', 'A', 2],
      ['r4', 'refused', null, null],
    ]);
    expect(decisions[2]?.reasons).toEqual([
      expect.stringContaining('Rang 3 sur 4'),
      'Choix 1 (B) : complet, les places sont allées à des demandes prioritaires.',
      'Choix 2 (A) : complet, les places sont allées à des demandes prioritaires.',
      'Liste d’attente du choix 2 (A), position 1 : une place libérée vous sera proposée.',
    ]);
  });

  it('gives the same result whatever the order of its input, and never more places than there are', () => {
    const sessions = ['A', 'B', 'C'].map((id, i) => session(id, i + 1, 2));
    const requests = fc.array(
      fc.record({
        choices: fc.uniqueArray(fc.constantFrom('A', 'B', 'C', 'Z'), {
          minLength: 1,
          maxLength: 3,
        }),
        wentBefore: fc.boolean(),
        late: fc.boolean(),
        quotientCents: fc.integer({ min: 0, max: 5_000_000 }),
        day: fc.integer({ min: 1, max: 28 }),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(requests, fc.integer(), (raw, seed) => {
        const input = raw.map((r, i) =>
          request(`r${i + 1}`, {
            number: i + 1,
            choices: r.choices,
            wentBefore: r.wentBefore,
            late: r.late,
            quotientCents: r.quotientCents,
            completeAt: `2021-04-${String(r.day).padStart(2, '0')}T10:00:00.000000Z`,
          }),
        );
        const shuffled = [...input].sort(
          (a, b) => ((a.number * 7919 + seed) % 101) - ((b.number * 7919 + seed) % 101),
        );
        const first = allocate(sessions, input);
        expect(allocate(sessions, shuffled)).toEqual(first);
        for (const s of sessions) {
          const placed = first.filter((d) => d.outcome === 'confirmed' && d.sessionId === s.id);
          const waiting = first.filter((d) => d.outcome === 'waiting' && d.sessionId === s.id);
          expect(placed.length).toBeLessThanOrEqual(s.places);
          expect(waiting.length).toBeLessThanOrEqual(s.waitingPlaces);
          // Nobody waits for a session that still has a place.
          if (waiting.length > 0) expect(placed.length).toBe(s.places);
        }
      }),
    );
  });
});
