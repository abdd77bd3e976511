import { download } from './api.ts';
import { FormAlert } from './form.tsx';
import { useSubmit } from './use-submit.ts';

/**
 * A file the API makes (a member's data, a barème, a spreadsheet, a payout file's copy), fetched
 * by a button and saved once it has come: busy while it is made, and a refusal — signed out, the
 * thing gone or changed meanwhile — said under the button instead of saved as the file.
 */
export function DownloadButton({ label, url }: { readonly label: string; readonly url: string }) {
  const { busy, alert, run } = useSubmit();
  return (
    <>
      <button
        type="button"
        className="secondary"
        disabled={busy}
        onClick={() => void run(() => download('GET', url))}
      >
        {label}
      </button>
      <FormAlert message={alert} />
    </>
  );
}
