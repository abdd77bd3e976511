import { describe, expect, it } from 'vitest';
import { ApiError, refusalSentence } from './api.ts';

describe('refusalSentence', () => {
  it('says the first field’s message, not « some fields to correct » with no field shown', () => {
    const name = 'ce texte contient un caractère invisible ou invalide : retapez-le au clavier';
    expect(
      refusalSentence(
        new ApiError(400, 'invalid_input', 'Certains champs sont à corriger.', { name }),
      ),
    ).toBe(name);
    expect(refusalSentence(new ApiError(413, 'too_large', 'Ce fichier dépasse 10 Mo.'))).toBe(
      'Ce fichier dépasse 10 Mo.',
    );
  });
});
