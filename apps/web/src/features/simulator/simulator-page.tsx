import type { PackListAnswer, SimulationAnswer } from '@entraide/contract';
import { lazy, Suspense, useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { api } from '../../shared/api.ts';
import { Checkbox, Field, FormAlert, RepeatedFieldsets, SelectField } from '../../shared/form.tsx';
import { ExplanationSteps } from '../../shared/explanation.tsx';
import { formatCents, formatNumber, formatPercent, parseWholeEuros } from '../../shared/format.ts';
import { GRID_LABELS } from '../../shared/labels.ts';
import { PageTitle } from '../../shared/layout.tsx';
import { useSession } from '../../shared/session.tsx';
import { useSubmit } from '../../shared/use-submit.ts';

/** The chart (and its library) loads with the first result, not with the page. */
const RateChart = lazy(async () => ({ default: (await import('./rate-chart.tsx')).RateChart }));

interface Child {
  birthDate: string;
  sharedCustody: boolean;
  disabled: boolean;
}

/** Which stays each grid's rate applies to, in the committee's words (SPEC §4). */
const GRID_USES: Readonly<Record<string, string>> = {
  standard:
    'vacances, loisirs, culture, sports, voyages, et séjours jeunes avec un organisme agréé',
  majore:
    'séjours jeunes du comité, périscolaire, vacances des enfants handicapés, activités à l’année',
  promotionnel: 'séjours « PROMO » du catalogue',
  vacances: 'séjours de vacances, villages, voyages, et séjours jeunes dès 18 ans',
  jeunesMoins18: 'séjours jeunes des moins de 18 ans',
};

/** What a 600 € stay would cost at a rate, before the caps each kind of stay has. */
const EXAMPLE_CENTS = 60_000;

function Result({ result, pack }: { readonly result: SimulationAnswer; readonly pack: string }) {
  const texts = useSession().session?.organization.texts;
  const heading = useRef<HTMLHeadingElement>(null);
  // The result comes into view and takes the focus, so it is read at once.
  useEffect(() => {
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus();
  }, [result]);
  const [firstGrid, firstRate] = Object.entries(result.rates)[0] ?? ['standard', 0];
  const subsidy = Math.round((EXAMPLE_CENTS * firstRate) / 100);
  return (
    <section aria-labelledby="resultat" aria-live="polite">
      <h2 id="resultat" ref={heading} tabIndex={-1}>
        Votre résultat
      </h2>
      <dl className="figures">
        <div>
          <dt>Parts CAES</dt>
          <dd>{formatNumber(result.parts)}</dd>
        </div>
        <div>
          <dt>Quotient familial</dt>
          <dd>{formatCents(result.quotientCents)}</dd>
        </div>
        {Object.entries(result.rates).map(([grid, rate]) => (
          <div key={grid}>
            <dt>{GRID_LABELS[grid] ?? grid}</dt>
            <dd>{formatPercent(rate)}</dd>
          </div>
        ))}
        {texts?.annualCeiling === false ? null : (
          <div>
            <dt>Plafond annuel</dt>
            <dd>
              {result.annualCeilingCents === null
                ? 'Aucun'
                : formatCents(result.annualCeilingCents)}
            </dd>
          </div>
        )}
        {texts?.skiAid === false ? null : (
          <div>
            <dt>Aide au ski</dt>
            <dd>{result.skiAidCents === null ? 'Non' : formatCents(result.skiAidCents)}</dd>
          </div>
        )}
      </dl>
      <h3>Quel taux pour quel séjour</h3>
      <ul>
        {Object.entries(result.rates).map(([grid, rate]) => (
          <li key={grid}>
            <strong>
              {GRID_LABELS[grid] ?? grid} ({formatPercent(rate)})
            </strong>{' '}
            : {GRID_USES[grid] ?? 'selon le barème'}.
          </li>
        ))}
      </ul>
      <p className="example">
        Par exemple, pour un séjour de {formatCents(EXAMPLE_CENTS)} au{' '}
        {(GRID_LABELS[firstGrid] ?? firstGrid).toLowerCase()}, le comité prendrait en charge{' '}
        {formatCents(subsidy)} et vous paieriez {formatCents(EXAMPLE_CENTS - subsidy)} — avant les
        plafonds propres à chaque type de séjour.
      </p>
      <Suspense fallback={<p role="status">Chargement du graphique…</p>}>
        <RateChart pack={pack} quotientCents={result.quotientCents} rates={result.rates} />
      </Suspense>
      <h3>Le détail du calcul</h3>
      <ExplanationSteps steps={result.explanation} />
    </section>
  );
}

/** The public calculator: the same questions as the API of SPEC §8, in plain French. */
export function SimulatorPage() {
  const { session } = useSession();
  const [packs, setPacks] = useState<PackListAnswer['packs']>([]);
  const [pack, setPack] = useState('');
  // The committee's calendar day until the person picks another.
  const [pickedDate, setDate] = useState('');
  const date = pickedDate || session?.today || '';
  const [rfr, setRfr] = useState('');
  const [spouseRfr, setSpouseRfr] = useState('');
  const [couple, setCouple] = useState(false);
  const [memberDisabled, setMemberDisabled] = useState(false);
  const [spouseDisabled, setSpouseDisabled] = useState(false);
  const [children, setChildren] = useState<Child[]>([]);
  const [adults, setAdults] = useState('0');
  const [result, setResult] = useState<SimulationAnswer | null>(null);
  const { busy, alert, fields, run, setAlert, setFields } = useSubmit();
  // A result stays only as long as the answers it was computed from.
  useEffect(() => {
    setResult(null);
  }, [pack, pickedDate, rfr, spouseRfr, couple, memberDisabled, spouseDisabled, children, adults]);

  useEffect(() => {
    void api<PackListAnswer>('GET', '/api/v1/packs').then((answer) => setPacks(answer.packs));
  }, []);
  const organization = session?.organization.id ?? 'inserm';
  // This committee's barèmes only, the newest first.
  const own = packs.filter((p) => p.organization === organization);
  const defaultPack = own.find((p) => p.grids.length > 0)?.id ?? own[0]?.id ?? '';
  const chosen = pack || defaultPack;
  const cnrs = chosen.startsWith('cnrs');

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const rfrEuros = parseWholeEuros(rfr);
    const spouseRfrEuros =
      cnrs && couple && spouseRfr.trim() !== '' ? parseWholeEuros(spouseRfr) : 0;
    const local: Record<string, string> = {};
    if (rfrEuros === null)
      local['household.rfrEuros'] = 'Indiquez un montant en euros entiers, par exemple 32 500.';
    if (spouseRfrEuros === null)
      local['household.spouseRfrEuros'] = 'Indiquez un montant en euros entiers.';
    if (!/^\d{1,2}$/.test(adults))
      local['household.disabledAdultDependants'] = 'Indiquez un nombre entier.';
    if (Object.keys(local).length > 0) {
      setFields(local);
      setAlert('Certains champs sont à corriger.');
      setResult(null);
      return;
    }
    void run(async () => {
      setResult(null);
      setResult(
        await api<SimulationAnswer>('POST', '/api/v1/simulations', {
          pack: chosen,
          date,
          household: {
            rfrEuros,
            ...(cnrs ? { spouseRfrEuros } : {}),
            couple,
            memberDisabled,
            spouseDisabled: couple && spouseDisabled,
            children,
            disabledAdultDependants: Number(adults),
          },
        }),
      );
    });
  };

  const setChild = (index: number, change: Partial<Child>) =>
    setChildren(children.map((c, i) => (i === index ? { ...c, ...change } : c)));
  return (
    <>
      <PageTitle>Calculer mon taux de subvention</PageTitle>
      <p>
        Sans compte : indiquez votre revenu fiscal de référence et votre famille. Le calcul suit le
        barème du comité, étape par étape.
      </p>
      <FormAlert message={alert} />
      <form onSubmit={submit} noValidate>
        <SelectField
          label="Barème"
          options={Object.fromEntries(own.map((p) => [p.id, p.label]))}
          value={chosen}
          onChange={(e) => setPack(e.target.value)}
          error={fields.pack}
        />
        <div className="row">
          <Field
            label="Revenu fiscal de référence (€)"
            hint="Sur votre avis d’imposition, en euros entiers."
            name="rfr"
            inputMode="numeric"
            required
            value={rfr}
            onChange={(e) => setRfr(e.target.value)}
            error={fields['household.rfrEuros']}
          />
          <Field
            label="Date du calcul"
            hint="Les âges des enfants sont pris à cette date."
            name="date"
            type="date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            error={fields.date}
          />
        </div>
        <Checkbox
          label="Je vis en couple"
          name="couple"
          checked={couple}
          onChange={(e) => setCouple(e.target.checked)}
        />
        {cnrs && couple ? (
          <Field
            label="Revenu fiscal de référence du conjoint (€)"
            name="spouseRfr"
            inputMode="numeric"
            value={spouseRfr}
            onChange={(e) => setSpouseRfr(e.target.value)}
            error={fields['household.spouseRfrEuros']}
          />
        ) : null}
        <Checkbox
          label="J’ai un handicap (incapacité d’au moins 50 %)"
          name="memberDisabled"
          checked={memberDisabled}
          onChange={(e) => setMemberDisabled(e.target.checked)}
        />
        {couple ? (
          <Checkbox
            label="Mon conjoint a un handicap (incapacité d’au moins 50 %)"
            name="spouseDisabled"
            checked={spouseDisabled}
            onChange={(e) => setSpouseDisabled(e.target.checked)}
          />
        ) : null}
        <RepeatedFieldsets
          items={children}
          legend={(index) => `Enfant ${index + 1}`}
          addLabel="Ajouter un enfant"
          removeLabel={(index) => `Retirer l’enfant ${index + 1}`}
          onAdd={() =>
            setChildren([...children, { birthDate: '', sharedCustody: false, disabled: false }])
          }
          onRemove={(index) => setChildren(children.filter((_, i) => i !== index))}
        >
          {(child, index) => (
            <>
              <Field
                label={`Date de naissance de l’enfant ${index + 1}`}
                type="date"
                required
                value={child.birthDate}
                onChange={(e) => setChild(index, { birthDate: e.target.value })}
                error={fields[`household.children.${index}.birthDate`]}
              />
              <Checkbox
                label="En garde partagée"
                checked={child.sharedCustody}
                onChange={(e) => setChild(index, { sharedCustody: e.target.checked })}
              />
              <Checkbox
                label="En situation de handicap"
                checked={child.disabled}
                onChange={(e) => setChild(index, { disabled: e.target.checked })}
              />
            </>
          )}
        </RepeatedFieldsets>
        <Field
          label="Adultes handicapés rattachés à votre foyer fiscal"
          hint="Enfants de 26 ans et plus ou ascendants."
          name="adults"
          inputMode="numeric"
          value={adults}
          onChange={(e) => setAdults(e.target.value)}
          error={fields['household.disabledAdultDependants']}
        />
        <div className="actions">
          <button type="submit" disabled={busy}>
            Calculer
          </button>
        </div>
      </form>
      {result ? <Result result={result} pack={chosen} /> : null}
    </>
  );
}
