/**
 * Certificates are random, so the differential corpus checks only their shape; here Node's X.509 parser
 * checks what they say: subject, issuer, CA flag, SANs, validity and signatures.
 */
import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type GoStruct, Template } from '../../../src/gotemplate/index.js';
import { sprigFuncMap } from '../../../src/helm/sprig/index.js';

function run(src: string): GoStruct[] {
  const out: GoStruct[] = [];
  const t = new Template('t').funcs(sprigFuncMap()).funcs({
    keep: { params: ['sprig.certificate'], result: 'string', fn: ([c]) => { out.push(c as GoStruct); return ''; } },
  });
  t.parse(src).execute(null);
  return out;
}

const certOf = (c: GoStruct) => new X509Certificate(c.fields.get('Cert') as string);

describe('certificate functions', () => {
  it('genCA makes a self-signed CA and genSignedCert a leaf it signs', () => {
    const [ca, leaf] = run('{{ $ca := genCA "my-ca" 365 }}{{ keep $ca }}{{ keep (genSignedCert "svc.ns" (list "10.0.0.1") (list "svc.ns.svc" "svc") 30 $ca) }}');
    const caCert = certOf(ca!);
    const leafCert = certOf(leaf!);
    expect(caCert.subject).toBe('CN=my-ca');
    expect(caCert.ca).toBe(true);
    expect(caCert.verify(caCert.publicKey)).toBe(true);
    expect(leafCert.subject).toBe('CN=svc.ns');
    expect(leafCert.issuer).toBe('CN=my-ca');
    expect(leafCert.ca).toBe(false);
    expect(leafCert.subjectAltName).toBe('DNS:svc.ns.svc, DNS:svc, IP Address:10.0.0.1');
    expect(leafCert.verify(caCert.publicKey)).toBe(true);
    expect(leafCert.checkIssued(caCert)).toBe(true);
    const days = (Date.parse(leafCert.validTo) - Date.parse(leafCert.validFrom)) / 86400000;
    expect(days).toBe(30);
    expect(leaf!.fields.get('Key')).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n/);
  });

  it('genSelfSignedCertWithKey uses the given key', () => {
    const [c] = run('{{ keep (genSelfSignedCertWithKey "x" (list) (list "x.example") 1 (genPrivateKey "ecdsa")) }}');
    const cert = certOf(c!);
    expect(cert.publicKey.asymmetricKeyType).toBe('ec');
    expect(cert.verify(cert.publicKey)).toBe(true);
  });
});
