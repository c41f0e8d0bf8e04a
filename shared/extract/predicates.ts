// A predicate from the small vocabulary when the claim's wording makes it clear; otherwise null.
const RULES: [RegExp, string][] = [
  [/\brecruit(?:ed|ing)?\b|\benlisted\b|\bsigned up\b/i, 'recruited_by'],
  [/\bbrib(?:e|ed|es|ing|ery)\b/i, 'bribed'],
  [/\bpaid\b|\bpayments?\b|\btransferr?ed\b/i, 'paid'],
  [/\bfund(?:ed|s|ing)\b|\bfinanc(?:ed|es|ing)\b/i, 'funded'],
  [/\bmet\b|\bmeeting with\b|\bmeets\b/i, 'met_with'],
  [/\bown(?:s|ed|er of)\b|\bbeneficial owner\b/i, 'owns'],
  [/\bcontrol(?:s|led)?\b/i, 'controls'],
  [/\b(?:led|leads|heads|headed|chief of|head of)\b/i, 'leads'],
  [/\bworked (?:for|in|at)\b|\bserved (?:in|with)\b|\bmember of\b|\binformant\b|\bagent of\b/i, 'member_of'],
  [/\bemployed by\b|\bworks for\b/i, 'works_for'],
];

export function predicateOf(sentence: string): string | null {
  for (const [re, p] of RULES) if (re.test(sentence)) return p;
  return null;
}
