import crypto from 'crypto';

/**
 * The applicant's tracking code is public-ish (printed on the receipt); the secret that goes with
 * it is shown once and stored only as a salted scrypt hash.
 */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

const randomText = (length: number) => Array.from(crypto.randomBytes(length), (byte) => ALPHABET[byte % ALPHABET.length]).join('');

export const newTrackingCode = (receivedOn: string) => `YSQ${receivedOn.replace(/-/g, '')}${randomText(6)}`;

export const newAccessSecret = () => randomText(12);

export const hashAccessSecret = (secret: string): string => {
  const salt = crypto.randomBytes(16);
  return `scrypt$${salt.toString('hex')}$${crypto.scryptSync(secret, salt, 32).toString('hex')}`;
};

export const verifyAccessSecret = (secret: string, stored: string | null | undefined): boolean => {
  const [scheme, saltHex, hashHex] = (stored ?? '').split('$');
  if (scheme !== 'scrypt' || !saltHex || !hashHex) return false;
  const expected = Buffer.from(hashHex, 'hex');
  const actual = crypto.scryptSync(secret, Buffer.from(saltHex, 'hex'), expected.length);
  return crypto.timingSafeEqual(expected, actual);
};
