/** Sprig's bcrypt and htpasswd over the shared bcrypt in src/util/bcrypt.ts. */
import { bcryptNewHash } from '../../util/bcrypt.js';

export { bcryptHash } from '../../util/bcrypt.js';

/** Sprig's bcrypt: a fresh salt, cost 10; Go's error text for passwords over 72 bytes. */
export function bcryptGenerate(password: string): string {
  if (Buffer.byteLength(password, 'utf8') > 72) return 'failed to encrypt string with bcrypt: bcrypt: password length exceeds 72 bytes';
  return bcryptNewHash(password, 10);
}
