import type { PackListAnswer, SimulationAnswer } from '@entraide/contract';
import { lazy, Suspense, useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { Link } from 'wouter';
import { api } from '../../shared/api.ts';
import { Checkbox, Field, FormAlert, RepeatedFieldsets, SelectField } from '../../shared/form.tsx';
import { ExplanationSteps } from '../../shared/explanation.tsx';
import { formatCents, formatNumber, formatPercent, parseWholeEuros } from '../../shared/format.ts';
import { GRID_LABELS } from '../../messages/labels.ts';
import { PageTitle } from '../../shared/layout.tsx';
import { Loading, useLoad } from '../../shared/loading.tsx';
import { useSession } from '../../shared/session.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { common } from '../../messages/common.ts';
import { simulatorPage as msg } from '../../messages/simulator.ts';

/** The chart (and its library) loads with the first result, not with the page. */
const RateChart = lazy(async () => ({ default: (await import('./rate-chart.tsx')).RateChart }));

interface Child {
  birthDate: string;
  sharedCustody: boolean;
  disabled: boolean;
}

/** Which stays each grid's rate applies to, in the committee's words (SPEC §4). */
const GRID_USES: Readonly<Record<string, string>> = {
  standard: msg.vacancesLoisirsCultureSports,
  majore: msg.sejoursJeunesComitePeriscolaire,
  promotionnel: msg.sejoursPromoCatalogue,
  vacances: msg.sejoursVacancesVillagesVoyages,
  jeunesMoins18: msg.sejoursJeunesMoins18,
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
        {msg.votreResultat}
      </h2>
      <dl className="figures">
        <div>
          <dt>{msg.partsCaes}</dt>
          <dd>{formatNumber(result.parts)}</dd>
        </div>
        <div>
          <dt>{msg.quotientFamilial}</dt>
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
            <dt>{msg.plafondAnnuel}</dt>
            <dd>
              {result.annualCeilingCents === null
                ? msg.aucun
                : formatCents(result.annualCeilingCents)}
            </dd>
          </div>
        )}
        {texts?.skiAid === false ? null : (
          <div>
            <dt>{msg.aideSki}</dt>
            <dd>{result.skiAidCents === null ? msg.non : formatCents(result.skiAidCents)}</dd>
          </div>
        )}
      </dl>
      <h3>{msg.quelTauxPourQuel}</h3>
      <ul>
        {Object.entries(result.rates).map(([grid, rate]) => (
          <li key={grid}>
            <strong>
              {GRID_LABELS[grid] ?? grid} ({formatPercent(rate)})
            </strong>{' '}
            : {GRID_USES[grid] ?? msg.selonBareme}.
          </li>
        ))}
      </ul>
      <p className="example">
        {msg.parExemplePourSejour(
          formatCents(EXAMPLE_CENTS),
          (GRID_LABELS[firstGrid] ?? firstGrid).toLowerCase(),
          formatCents(subsidy),
          formatCents(EXAMPLE_CENTS - subsidy),
        )}
      </p>
      <Suspense fallback={<p role="status">{msg.chargementGraphique}</p>}>
        <RateChart
          pack={pack}
          household={{ quotientCents: result.quotientCents, rates: result.rates }}
        />
      </Suspense>
      <h3>{common.calculationDetail}</h3>
      <ExplanationSteps steps={result.explanation} />
      <p>
        <Link to={`/baremes/${encodeURIComponent(pack)}`}>{msg.lireBareme}</Link>
      </p>
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

  const packsRead = useLoad(async () => {
    setPacks((await api<PackListAnswer>('GET', '/api/v1/packs')).packs);
  });
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
    if (rfrEuros === null) local['household.rfrEuros'] = msg.indiquezMontantEurosEntiers;
    if (spouseRfrEuros === null)
      local['household.spouseRfrEuros'] = msg.indiquezMontantEurosEntiers2;
    if (!/^\d{1,2}$/.test(adults))
      local['household.disabledAdultDependants'] = msg.indiquezNombreEntier;
    if (Object.keys(local).length > 0) {
      setFields(local);
      setAlert(common.fieldsToFix);
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
      <PageTitle>{msg.calculerMonTauxSubvention}</PageTitle>
      <p>{msg.sansCompteIndiquezVotre}</p>
      <FormAlert message={alert} />
      <form onSubmit={submit} noValidate>
        {/* The barèmes unread, why and « Réessayer » where they would be chosen. */}
        {packsRead.failure === null ? (
          <SelectField
            label={msg.bareme}
            options={Object.fromEntries(own.map((p) => [p.id, p.label]))}
            value={chosen}
            onChange={(e) => setPack(e.target.value)}
            error={fields.pack}
          />
        ) : (
          <Loading {...packsRead} />
        )}
        <div className="row">
          <Field
            label={msg.revenuFiscalReference}
            hint={msg.surVotreAvisImposition}
            name="rfr"
            inputMode="numeric"
            required
            value={rfr}
            onChange={(e) => setRfr(e.target.value)}
            error={fields['household.rfrEuros']}
          />
          <Field
            label={msg.dateCalcul}
            hint={msg.agesEnfantsSontPris}
            name="date"
            type="date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            error={fields.date}
          />
        </div>
        <Checkbox
          label={msg.jeVisCouple}
          name="couple"
          checked={couple}
          onChange={(e) => setCouple(e.target.checked)}
        />
        {cnrs && couple ? (
          <Field
            label={msg.revenuFiscalReferenceConjoint}
            name="spouseRfr"
            inputMode="numeric"
            value={spouseRfr}
            onChange={(e) => setSpouseRfr(e.target.value)}
            error={fields['household.spouseRfrEuros']}
          />
        ) : null}
        <Checkbox
          label={msg.jAiHandicapIncapacite}
          name="memberDisabled"
          checked={memberDisabled}
          onChange={(e) => setMemberDisabled(e.target.checked)}
        />
        {couple ? (
          <Checkbox
            label={msg.monConjointHandicapIncapacite}
            name="spouseDisabled"
            checked={spouseDisabled}
            onChange={(e) => setSpouseDisabled(e.target.checked)}
          />
        ) : null}
        <RepeatedFieldsets
          items={children}
          legend={(index) => msg.enfant(index + 1)}
          addLabel={common.addChild}
          removeLabel={(index) => common.removeChild(index + 1)}
          onAdd={() =>
            setChildren([...children, { birthDate: '', sharedCustody: false, disabled: false }])
          }
          onRemove={(index) => setChildren(children.filter((_, i) => i !== index))}
        >
          {(child, index) => (
            <>
              <Field
                label={common.childBirthDate(index + 1)}
                type="date"
                required
                value={child.birthDate}
                onChange={(e) => setChild(index, { birthDate: e.target.value })}
                error={fields[`household.children.${index}.birthDate`]}
              />
              <Checkbox
                label={msg.gardePartagee}
                checked={child.sharedCustody}
                onChange={(e) => setChild(index, { sharedCustody: e.target.checked })}
              />
              <Checkbox
                label={msg.situationHandicap}
                checked={child.disabled}
                onChange={(e) => setChild(index, { disabled: e.target.checked })}
              />
            </>
          )}
        </RepeatedFieldsets>
        <Field
          label={msg.adultesHandicapesRattachesVotre}
          hint={msg.enfants26AnsPlus}
          name="adults"
          inputMode="numeric"
          value={adults}
          onChange={(e) => setAdults(e.target.value)}
          error={fields['household.disabledAdultDependants']}
        />
        <div className="actions">
          {/* Not before the barèmes are known: a calculation needs one (a slow connection). */}
          <button type="submit" disabled={busy || chosen === ''}>
            {msg.calculer}
          </button>
        </div>
      </form>
      {result ? <Result result={result} pack={chosen} /> : null}
    </>
  );
}
