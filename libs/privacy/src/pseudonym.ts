import { createHash } from 'node:crypto';

/** Crockford's base 32: no I, L, O or U, so a pseudonym read out on the phone is not misheard. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The name staff see for an application's citizen until a reveal ("Citizen 7F3K"): four characters drawn from the
 * application's id. Each application has its own, so pseudonyms never link one citizen's applications together.
 */
export function pseudonymOf(applicationId: string): string {
  const digest = createHash('sha256').update(`petitio-pseudonym:${applicationId}`).digest();
  const bits = digest.readUInt32BE(0);
  let code = '';
  for (let i = 0; i < 4; i += 1) code += ALPHABET[(bits >>> (27 - 5 * i)) & 31];
  return code;
}
