import { IMAGE_LIMIT, type ActivityAnswer, type ActivityInput } from '@entraide/contract';
import { useState, type SyntheticEvent } from 'react';
import { api, sendFile } from '../../shared/api.ts';
import { ConfirmAction } from '../../shared/confirm-action.tsx';
import { FilePicker } from '../../shared/file-picker.tsx';
import { Field, FormAlert } from '../../shared/form.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { activityPhoto as msg } from '../../messages/staff.ts';

/**
 * An activity saved again with some of its fields changed (publication, photos), on the revision
 * this page read: one saved since by someone else is not written over.
 */
export const changeActivity = (
  activity: ActivityAnswer,
  change: Partial<ActivityInput>,
): Promise<unknown> => {
  const input = Object.fromEntries(
    Object.entries(activity).filter(([key]) => !['id', 'sessions', 'revision'].includes(key)),
  );
  return api('PUT', `/api/staff/activities/${activity.id}`, {
    ...input,
    ...change,
    basedOn: activity.revision,
  });
};

/**
 * The activity's photo: staff pick an image (resized by the server, its metadata removed) and
 * describe it for those who cannot see it; the description is required.
 */
export function ActivityPhoto({
  activity,
  onSaved,
}: {
  readonly activity: ActivityAnswer;
  readonly onSaved: (message: string) => Promise<void>;
}) {
  const current = activity.pictures[0] ?? null;
  const [uploaded, setUploaded] = useState<string | null>(null);
  const [alt, setAlt] = useState(current?.alt ?? '');
  const { busy, alert, fields, run, setFields } = useSubmit();
  const title = activity.title;
  /** The photo on screen: the one just uploaded, else the activity's. */
  const shown = uploaded ?? current?.url ?? null;
  const upload = (file: File) =>
    void run(async () => {
      const photo = await sendFile<{ url: string }>(
        'POST',
        '/api/staff/activity-photos',
        file,
        IMAGE_LIMIT,
      );
      setUploaded(photo.url);
    });
  const save = (event: SyntheticEvent) => {
    event.preventDefault();
    if (!shown) return;
    if (alt.trim() === '') {
      setFields({
        'pictures.0.alt': msg.decrivezPhotoPhrasePar,
      });
      return;
    }
    void run(async () => {
      await changeActivity(activity, { pictures: [{ url: shown, alt: alt.trim() }] });
      setUploaded(null);
      await onSaved(msg.photoEnregistree(title));
    });
  };
  return (
    <form onSubmit={save} noValidate aria-label={msg.photo(title)}>
      <FormAlert message={alert} />
      {shown ? (
        <img
          src={shown}
          alt={uploaded ? msg.nouvellePhotoPasEncore(title) : (current?.alt ?? '')}
          className="activity-photo editor-photo"
        />
      ) : null}
      <FilePicker
        label={msg.jpegPngOuWebp(current ? msg.changerPhoto : msg.ajouterPhoto, title)}
        accept="image/jpeg,image/png,image/webp"
        hint={msg.elleReduite1200}
        error={fields['pictures.0.url']}
        disabled={busy}
        onFile={upload}
      />
      {shown ? (
        <>
          <Field
            label={msg.descriptionPhoto(title)}
            hint={msg.ceMontrePhotoPour}
            value={alt}
            onChange={(e) => setAlt(e.target.value)}
            error={fields['pictures.0.alt']}
          />
          <div className="actions">
            <button type="submit" disabled={busy}>
              {msg.enregistrerPhoto}
            </button>
            {current ? (
              <ConfirmAction
                secondary
                disabled={busy}
                label={msg.retirerPhoto(title)}
                title={msg.retirerPhoto2(title)}
                effect={<p>{msg.catalogueMontreraActiviteSans}</p>}
                confirmLabel={msg.retirerPhoto3}
                onConfirm={() =>
                  void run(async () => {
                    await changeActivity(activity, { pictures: [] });
                    setAlt('');
                    await onSaved(msg.photoRetiree(title));
                  })
                }
              />
            ) : null}
          </div>
        </>
      ) : null}
    </form>
  );
}
