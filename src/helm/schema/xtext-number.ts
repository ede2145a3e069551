/**
 * Numbers as golang.org/x/text/message's English printer writes them in jsonschema's messages (which
 * Helm prints): integers and plain decimals with `,` thousands groups, and floats whose decimal exponent is
 * below -4 or at least 6 in scientific form with a `×10` and superscript exponent of at least two digits.
 *
 *   formatXTextFloat(1500) → "1,500"     formatXTextFloat(1234567) → "1.234567×10⁰⁶"
 *   formatXTextFloat(1.5e-7) → "1.5×10⁻⁰⁷"   formatXTextFloat(123456.75) → "123,456.75"
 */

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** An integer (`%d`) with thousands groups. */
export function formatXTextInt(n: number | bigint): string {
  const s = String(n);
  return s.startsWith('-') ? `-${group(s.slice(1))}` : group(s);
}

/** A float64 as `%v` prints it through the English message printer. */
export function formatXTextFloat(v: number): string {
  if (v === 0) return '0';
  const [mantissa, expText] = Math.abs(v).toExponential().split('e') as [string, string];
  const exp = Number(expText);
  const sign = v < 0 ? '-' : '';
  if (exp < -4 || exp >= 6) {
    const digits = String(Math.abs(exp)).padStart(2, '0').split('').map((d) => SUPERSCRIPT[Number(d)]).join('');
    return `${sign}${mantissa}×10${exp < 0 ? '⁻' : ''}${digits}`;
  }
  const plain = String(Math.abs(v));
  const [whole, frac] = plain.split('.') as [string, string | undefined];
  return `${sign}${group(whole)}${frac === undefined ? '' : `.${frac}`}`;
}
