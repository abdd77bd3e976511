// The files members and staff send as they are (raw bytes, judged by their content): the largest
// of each kind, and what a larger one is told — by the page before it is sent, by the server
// when it comes all the same.

/** The largest file of a kind, and the sentence that says so. */
export interface FileLimit {
  readonly bytes: number;
  readonly message: string;
}

/** A member's document (a PDF: a tax notice, a payslip, a receipt). */
export const DOCUMENT_LIMIT: FileLimit = {
  bytes: 10 * 1024 * 1024,
  message:
    'Ce fichier dépasse 10 Mo : envoyez-en une version plus légère, par exemple scannée en noir et blanc ou en 150 ppp (un avis d’impôt téléchargé sur impots.gouv.fr pèse moins de 1 Mo).',
};

/** An activity's photo or the committee's logo (JPEG, PNG, WebP; a phone's photo is 2 to 6 MB). */
export const IMAGE_LIMIT: FileLimit = {
  bytes: 12 * 1024 * 1024,
  message:
    'Cette image dépasse 12 Mo : envoyez-la en plus petit (par exemple depuis votre téléphone, « taille moyenne »).',
};
