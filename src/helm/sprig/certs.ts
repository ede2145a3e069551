/**
 * Sprig's certificate functions (genCA, genSelfSignedCert, genSignedCert, their …WithKey forms and
 * buildCustomCert), building X.509 v3 certificates with the fields and extensions Go's crypto/x509 writes
 * for Sprig's templates: random 128-bit serial, CN-only names, key usage, server+client auth, basic
 * constraints, subject/authority key ids (SHA-1) and SANs. Keys are RSA 2048 unless one is given.
 */
import { type KeyObject, X509Certificate, createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { isIP } from 'node:net';
import { type GoFuncDef, GoStruct, type GoValue, sprint } from '../../gotemplate/index.js';
import { TAG, bitString, children, explicit, integer, oid, readElement, seq, set, time, tlv } from './asn1.js';
import { SprigError } from './errors.js';

const CERT_TYPE = 'sprig.certificate';

/** A Sprig `certificate` value: a struct with Cert and Key PEM strings. */
export function certificateValue(cert: string, key: string): GoStruct {
  return new GoStruct(CERT_TYPE, new Map<string, GoValue>([['Cert', cert], ['Key', key]]));
}

function pem(type: string, der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN ${type}-----\n${b64}\n-----END ${type}-----\n`;
}

function pemDecode(text: string, type?: string): Buffer | undefined {
  const m = /-----BEGIN ([A-Z ]+)-----\r?\n([\s\S]*?)-----END \1-----/.exec(text);
  if (!m || (type && m[1] !== type)) return undefined;
  return Buffer.from(m[2]!.replace(/\s+/g, ''), 'base64');
}

function name(cn: string): Buffer {
  if (cn === '') return seq();
  const printable = /^[A-Za-z0-9 '()+,\-./:=?]*$/.test(cn);
  return seq(set(seq(oid('2.5.4.3'), tlv(printable ? TAG.printableString : TAG.utf8String, Buffer.from(cn, 'utf8')))));
}

function extension(id: string, critical: boolean, value: Uint8Array): Buffer {
  return seq(oid(id), ...(critical ? [tlv(TAG.boolean, Buffer.from([0xff]))] : []), tlv(TAG.octetString, value));
}

/** Go's marshalKeyUsage: bit-reversed flags with the unused trailing bits counted. */
function keyUsage(flags: number): Buffer {
  let b = 0;
  for (let i = 0; i < 8; i++) if (flags & (1 << i)) b |= 0x80 >> i;
  let unused = 0;
  while (unused < 8 && !(b & (1 << unused))) unused++;
  return bitString(Buffer.from([b]), unused);
}

function sanValue(dns: string[], ips: string[]): Buffer {
  const names = dns.map((d) => tlv(0x82, Buffer.from(d)));
  for (const ip of ips) names.push(tlv(0x87, ipBytes(ip)));
  return seq(...names);
}

function ipBytes(ip: string): Buffer {
  if (isIP(ip) === 4) return Buffer.from(ip.split('.').map(Number));
  const full = new URL(`http://[${ip}]`).hostname.slice(1, -1);
  const [head, tail] = full.split('::') as [string, string | undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  return Buffer.from(groups.map((g) => g.padStart(4, '0')).join(''), 'hex');
}

function algorithm(key: KeyObject): { id: Buffer; digest: string | null } {
  if (key.asymmetricKeyType === 'ec') return { id: seq(oid('1.2.840.10045.4.3.2')), digest: 'sha256' };
  if (key.asymmetricKeyType === 'ed25519') return { id: seq(oid('1.3.101.112')), digest: null };
  return { id: seq(oid('1.2.840.113549.1.1.11'), tlv(TAG.null, Buffer.alloc(0))), digest: 'sha256' };
}

/** The PEM Go's pemBlockForKey writes for a private key. */
function keyPem(key: KeyObject): string {
  if (key.asymmetricKeyType === 'rsa') return key.export({ type: 'pkcs1', format: 'pem' }) as string;
  if (key.asymmetricKeyType === 'ec') return key.export({ type: 'sec1', format: 'pem' }) as string;
  return key.export({ type: 'pkcs8', format: 'pem' }) as string;
}

interface Issuer {
  name: Buffer;
  keyId?: Buffer;
  key: KeyObject;
}

interface Template {
  cn: string; ips: string[]; dns: string[]; days: number; isCA: boolean;
}

function buildCert(t: Template, subjectKey: KeyObject, issuer: Issuer | null): string {
  const spki = createPublicKey(subjectKey).export({ type: 'spki', format: 'der' });
  const keyBits = children(readElement(spki))[1]!.content.subarray(1);
  const subjectName = name(t.cn);
  const skid = t.isCA ? createHash('sha1').update(keyBits).digest() : undefined;
  const signer = issuer ?? { name: subjectName, keyId: skid, key: subjectKey };
  const now = new Date(Math.floor(Date.now() / 1000) * 1000);
  const exts = [
    extension('2.5.29.15', true, keyUsage(t.isCA ? 0b100101 : 0b101)),
    extension('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.1'), oid('1.3.6.1.5.5.7.3.2'))),
    extension('2.5.29.19', true, t.isCA ? seq(tlv(TAG.boolean, Buffer.from([0xff]))) : seq()),
  ];
  if (skid) exts.push(extension('2.5.29.14', false, tlv(TAG.octetString, skid)));
  if (issuer?.keyId && !issuer.name.equals(subjectName)) exts.push(extension('2.5.29.35', false, seq(tlv(0x80, issuer.keyId))));
  if (t.dns.length || t.ips.length) exts.push(extension('2.5.29.17', false, sanValue(t.dns, t.ips)));
  const alg = algorithm(signer.key);
  const serial = BigInt('0x' + randomBytes(16).toString('hex'));
  const tbs = seq(
    explicit(0, integer(2n)), integer(serial), alg.id, signer.name,
    seq(time(now), time(new Date(now.getTime() + t.days * 86400000))), subjectName, spki, explicit(3, seq(...exts)),
  );
  const signature = sign(alg.digest, tbs, signer.key);
  return pem('CERTIFICATE', seq(tbs, alg.id, bitString(signature)));
}

/** The issuer details of a PEM CA: subject name, subject key id and private key. */
function parseIssuer(ca: GoValue): Issuer {
  const s = ca as GoStruct;
  const der = pemDecode(String(s.fields.get('Cert') ?? ''));
  if (!der) throw new SprigError('unable to decode certificate');
  try {
    new X509Certificate(der);
  } catch (e) {
    throw new SprigError(`error parsing certificate: decodedSignerCert.Bytes: ${(e as Error).message}`);
  }
  const tbs = children(children(readElement(der))[0]!);
  const offset = tbs[0]!.tag === 0xa0 ? 1 : 0;
  const extList = tbs.find((e) => e.tag === 0xa3);
  let keyId: Buffer | undefined;
  for (const ext of extList ? children(children(extList)[0]!) : []) {
    const parts = children(ext);
    if (parts[0]!.raw.equals(oid('2.5.29.14'))) keyId = readElement(parts[parts.length - 1]!.content).content;
  }
  return { name: Buffer.from(tbs[offset + 4]!.raw), keyId, key: parsePrivateKey(String(s.fields.get('Key') ?? ''), 'error parsing private key') };
}

/** Go's parsePrivateKeyPEM; `context` is the caller's error prefix. */
function parsePrivateKey(text: string, context = 'parsing private key'): KeyObject {
  if (!pemDecode(text)) throw new SprigError(`${context}: no PEM data in input`);
  try {
    return createPrivateKey(text);
  } catch (e) {
    throw new SprigError(`${context}: ${(e as Error).message}`);
  }
}

function strings(list: GoValue, what: string): string[] {
  const items = Array.isArray(list) ? list : [];
  return items.map((x) => {
    if (typeof x !== 'string') throw new SprigError(`${what}: ${sprint([x])} is not a string`);
    return x;
  });
}

function ips(list: GoValue): string[] {
  const out = strings(list, 'error parsing ip');
  for (const ip of out) if (!isIP(ip)) throw new SprigError(`error parsing ip: ${ip}`);
  return out;
}

function rsaKey(): KeyObject {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
}

function issue(t: Template, key: KeyObject, issuer: Issuer | null): GoStruct {
  return certificateValue(buildCert(t, key, issuer), keyPem(key));
}

function days(v: GoValue): number {
  return Number((v as { value: bigint }).value);
}

const ANYS = '[]interface {}';
const f = (params: string[], fn: (a: GoValue[]) => GoValue): GoFuncDef => ({ params, fn, result: CERT_TYPE });

/** Sprig's certificate function map. */
export const CERTIFICATE_FUNCS: Record<string, GoFuncDef> = {
  genCA: f(['string', 'int'], ([cn, d]) => issue({ cn: cn as string, ips: [], dns: [], days: days(d!), isCA: true }, rsaKey(), null)),
  genCAWithKey: f(['string', 'int', 'string'], ([cn, d, k]) =>
    issue({ cn: cn as string, ips: [], dns: [], days: days(d!), isCA: true }, parsePrivateKey(k as string), null)),
  genSelfSignedCert: f(['string', ANYS, ANYS, 'int'], ([cn, i, dn, d]) =>
    issue({ cn: cn as string, ips: ips(i!), dns: strings(dn!, 'error processing alternate dns name'), days: days(d!), isCA: false }, rsaKey(), null)),
  genSelfSignedCertWithKey: f(['string', ANYS, ANYS, 'int', 'string'], ([cn, i, dn, d, k]) =>
    issue({ cn: cn as string, ips: ips(i!), dns: strings(dn!, 'error processing alternate dns name'), days: days(d!), isCA: false }, parsePrivateKey(k as string), null)),
  genSignedCert: f(['string', ANYS, ANYS, 'int', CERT_TYPE], ([cn, i, dn, d, ca]) =>
    issue({ cn: cn as string, ips: ips(i!), dns: strings(dn!, 'error processing alternate dns name'), days: days(d!), isCA: false }, rsaKey(), parseIssuer(ca!))),
  genSignedCertWithKey: f(['string', ANYS, ANYS, 'int', CERT_TYPE, 'string'], ([cn, i, dn, d, ca, k]) =>
    issue({ cn: cn as string, ips: ips(i!), dns: strings(dn!, 'error processing alternate dns name'), days: days(d!), isCA: false }, parsePrivateKey(k as string), parseIssuer(ca!))),
  buildCustomCert: f(['string', 'string'], ([c, k]) => {
    const cert = Buffer.from(c as string, 'base64').toString('utf8');
    const key = Buffer.from(k as string, 'base64').toString('utf8');
    if (!pemDecode(cert)) throw new SprigError('unable to decode certificate');
    parsePrivateKey(key, 'error parsing private key');
    return certificateValue(cert, key);
  }),
};
