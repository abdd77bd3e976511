import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { api } from '../../shared/api.ts';
import { Loading, useLoad } from '../../shared/loading.tsx';
import { ConfirmAction } from '../../shared/confirm-action.tsx';
import { FilePicker } from '../../shared/file-picker.tsx';
import { SelectField } from '../../shared/form.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { packDrafts as msg } from '../../messages/staff.ts';
import type { PackDraftsAnswer } from '@entraide/contract';

/** The admin's studio: the drafts and published packs, a new draft from a pack or a JSON file. */
export function PackDrafts() {
  const [answer, setAnswer] = useState<PackDraftsAnswer | null>(null);
  const [basedOn, setBasedOn] = useState('');
  const [, navigate] = useLocation();
  const submit = useSubmit();
  const load = () =>
    api<PackDraftsAnswer>('GET', '/api/admin/pack-drafts').then((next) => {
      setAnswer(next);
      // The newest complete barème by default: a pack in the making is a poor start.
      const start = next.packs.filter((p) => p.complete).at(-1) ?? next.packs.at(-1);
      setBasedOn((current) => current || (start?.id ?? ''));
    });
  const loading = useLoad(load);
  if (!answer) return <Loading {...loading} />;
  const create = (data?: unknown) =>
    submit.run(async () => {
      const created = await api<{ draft: { id: string } }>('POST', '/api/admin/pack-drafts', {
        basedOn,
        ...(data === undefined ? {} : { data }),
      });
      navigate(`/gestion/baremes/brouillons/${created.draft.id}`);
    });
  return (
    <section aria-labelledby="studio" className="card">
      <h2 id="studio">{msg.studio}</h2>
      <p>{msg.studioAide}</p>
      {submit.alert ? (
        <p className="alert" role="alert">
          {submit.alert}
        </p>
      ) : null}
      <SelectField
        label={msg.partirDe}
        value={basedOn}
        options={Object.fromEntries(answer.packs.map((p) => [p.id, p.label]))}
        onChange={(e) => setBasedOn(e.target.value)}
      />
      <button type="button" disabled={submit.busy} onClick={() => void create()}>
        {msg.nouveauBrouillon}
      </button>
      <FilePicker
        label={msg.importer}
        hint={msg.importerAide}
        accept="application/json,.json"
        disabled={submit.busy}
        onFile={(file) =>
          void file.text().then((text) => {
            try {
              void create(JSON.parse(text));
            } catch {
              submit.setAlert(msg.fichierIllisible);
            }
          })
        }
      />
      <h3>{msg.brouillons}</h3>
      {answer.drafts.length === 0 ? <p>{msg.aucunBrouillon}</p> : null}
      <ul>
        {answer.drafts.map((draft) => (
          <li key={draft.id}>
            <Link
              to={`/gestion/baremes/brouillons/${draft.id}`}
              aria-label={msg.ouvrir(draft.label)}
            >
              {msg.ligne(
                draft.label,
                draft.basedOn,
                draft.status === 'published' ? msg.publie(draft.packId ?? '') : msg.brouillon,
              )}
            </Link>{' '}
            {draft.status === 'draft' ? (
              <ConfirmAction
                label={msg.supprimer}
                secondary
                title={msg.supprimerTitre(draft.label)}
                effect={<p>{msg.supprimerEffet}</p>}
                confirmLabel={msg.supprimerConfirmer}
                onConfirm={() =>
                  void submit.run(async () => {
                    await api('DELETE', `/api/admin/pack-drafts/${draft.id}`);
                    await load();
                  })
                }
              />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
