/**
 * Go's `\p{Name}` lookup (regexp/syntax unicodeTable, Go 1.26): the name is canonicalised (first letter
 * upper case, the rest lower case, `_`, `-` and spaces dropped) and looked up among Any/Assigned/ASCII/LC,
 * the general categories, the scripts and the category aliases. Go 1.26 compares the canonical form with
 * the scripts' own spelling, so multi-word scripts (Old_Italic) and SignWriting are not found: Go rejects
 * `\p{Old_Italic}`, and so does this. Tables are Go's Unicode 15.0.0 names; the code points come from
 * JavaScript's own Unicode tables (ICU; Unicode 17.0 in the Node 20 used here), so code points assigned after
 * 15.0 can differ.
 */

/** unicode.Categories keys. */
const CATEGORIES = new Set(
  'C Cc Cf Cn Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs'.split(' '),
);

/** unicode.CategoryAliases (long names → category). */
const ALIASES: Record<string, string> = {
  Cased_Letter: 'LC', Close_Punctuation: 'Pe', Combining_Mark: 'M', Connector_Punctuation: 'Pc', Control: 'Cc',
  Currency_Symbol: 'Sc', Dash_Punctuation: 'Pd', Decimal_Number: 'Nd', Enclosing_Mark: 'Me', Final_Punctuation: 'Pf',
  Format: 'Cf', Initial_Punctuation: 'Pi', Letter: 'L', Letter_Number: 'Nl', Line_Separator: 'Zl',
  Lowercase_Letter: 'Ll', Mark: 'M', Math_Symbol: 'Sm', Modifier_Letter: 'Lm', Modifier_Symbol: 'Sk',
  Nonspacing_Mark: 'Mn', Number: 'N', Open_Punctuation: 'Ps', Other: 'C', Other_Letter: 'Lo', Other_Number: 'No',
  Other_Punctuation: 'Po', Other_Symbol: 'So', Paragraph_Separator: 'Zp', Private_Use: 'Co', Punctuation: 'P',
  Separator: 'Z', Space_Separator: 'Zs', Spacing_Mark: 'Mc', Surrogate: 'Cs', Symbol: 'S', Titlecase_Letter: 'Lt',
  Unassigned: 'Cn', Uppercase_Letter: 'Lu', cntrl: 'Cc', digit: 'Nd', punct: 'P',
};

/** unicode.Scripts keys whose spelling is already canonical (the only ones Go 1.26 can find). */
const SCRIPTS = new Set(
  ('Adlam Ahom Arabic Armenian Avestan Balinese Bamum Batak Bengali Bhaiksuki Bopomofo Brahmi Braille Buginese ' +
    'Buhid Carian Chakma Cham Cherokee Chorasmian Common Coptic Cuneiform Cypriot Cyrillic Deseret Devanagari ' +
    'Dogra Duployan Elbasan Elymaic Ethiopic Georgian Glagolitic Gothic Grantha Greek Gujarati Gurmukhi Han ' +
    'Hangul Hanunoo Hatran Hebrew Hiragana Inherited Javanese Kaithi Kannada Katakana Kawi Kharoshthi Khmer ' +
    'Khojki Khudawadi Lao Latin Lepcha Limbu Lisu Lycian Lydian Mahajani Makasar Malayalam Mandaic Manichaean ' +
    'Marchen Medefaidrin Miao Modi Mongolian Mro Multani Myanmar Nabataean Nandinagari Newa Nko Nushu Ogham ' +
    'Oriya Osage Osmanya Palmyrene Phoenician Rejang Runic Samaritan Saurashtra Sharada Shavian Siddham Sinhala ' +
    'Sogdian Soyombo Sundanese Syriac Tagalog Tagbanwa Takri Tamil Tangsa Tangut Telugu Thaana Thai Tibetan ' +
    'Tifinagh Tirhuta Toto Ugaritic Vai Vithkuqi Wancho Yezidi Yi').split(' '),
);

/** Go's canonicalName. */
export function canonicalUnicodeName(name: string): string {
  let out = '';
  for (const ch of name) {
    if (ch === '_' || ch === '-' || ch === ' ') continue;
    out += out === '' ? ch.toUpperCase() : ch.toLowerCase();
  }
  return out;
}

const aliases = new Map(Object.entries(ALIASES).map(([k, v]) => [canonicalUnicodeName(k), v]));

/** The JavaScript property text for a canonical Go name, before negation. */
function propertyText(canon: string): { text: string; negate: boolean } | undefined {
  if (canon === 'Any') return { text: '[\\u{0}-\\u{10ffff}]', negate: false };
  if (canon === 'Assigned') return { text: '\\p{General_Category=Cn}', negate: true };
  if (canon === 'Ascii') return { text: '[\\u{0}-\\u{7f}]', negate: false };
  if (canon === 'Lc') return { text: '\\p{General_Category=LC}', negate: false };
  if (CATEGORIES.has(canon)) return { text: `\\p{General_Category=${canon}}`, negate: false };
  if (SCRIPTS.has(canon)) return { text: `\\p{Script=${canon}}`, negate: false };
  const alias = aliases.get(canon);
  return alias ? { text: `\\p{General_Category=${alias}}`, negate: false } : undefined;
}

/**
 * `v`-mode class text for Go's `\p{name}` (or `\P{name}` when `negate`), or undefined when Go does not
 * know the name.
 */
export function unicodeClassText(name: string, negate: boolean): string | undefined {
  const prop = propertyText(canonicalUnicodeName(name));
  if (!prop) return undefined;
  return negate !== prop.negate ? `[^${prop.text}]` : prop.text;
}
