// Attribution cues: the words that make a sentence a claim and set its stance, and where the
// claimant stands relative to the cue (before it, after "according to", or nobody).
import type { Stance } from './types-local';

export interface Cue {
  start: number;
  end: number;
  stance: Stance;
  /** where to look for the claimant */
  who: 'before' | 'after' | 'none' | 'label';
  /** a descriptive claimant written in the cue ("Intelligence reports from the 1980s") */
  label?: string;
  /** ", insisting that …": the speaker of the cue before it goes on */
  participle?: boolean;
  /** "withdrew", "deleted", "corrected": the claimant takes back its own claim */
  retraction?: boolean;
}

const SAY = String.raw`(?:alleg(?:es|ed|ing)|claim(?:s|ed)|sa(?:id|ys)|told|tells|wr(?:ote|ites)|stat(?:ed|es)|insist(?:s|ed)|argu(?:es|ed)|accus(?:es|ed)|charg(?:es|ed)|add(?:s|ed)|testif(?:ied|ies)|confirm(?:s|ed)|admit(?:s|ted)|acknowledg(?:es|ed)|maintain(?:s|ed)|announc(?:es|ed)|reveal(?:s|ed)|posted|conclud(?:es|ed)|assess(?:es|ed)|warn(?:s|ed)|believ(?:es|ed)|suspect(?:s|ed)|recall(?:s|ed)|describ(?:es|ed)|explain(?:s|ed)|accept(?:s|ed)|found|find|finds|identif(?:ies|ied)|says|report(?:s|ed)|publish(?:es|ed)|tweeted|replied|responded|countered)`;
const DENY = String.raw`(?:den(?:y|ies|ied)|reject(?:s|ed)|dismiss(?:es|ed)|refut(?:es|ed)|disput(?:es|ed)|rebuff(?:s|ed)|contest(?:s|ed)|label(?:l?ed|s) (?:[^.]{0,40}?)as|call(?:s|ed) (?:[^.]{0,40}?)(?:“|")?(?:ridiculous|absurd|nonsense|baseless|false|fake|lies|a lie|untrue|fabricat))`;
// taking back one's own claim (corpus convention: a second claim by the same claimant, denied)
const RETRACT = String.raw`(?:withdr(?:ew|aws|awn)|retract(?:s|ed)|deleted|removed|corrected|took back|takes back|walked back|apologi[sz]ed for)(?!\s+(?:from|funds|money|cash|troops|forces)\b)`;
// "called the report “an insult …”": a quoted verdict on the other side's claim is a dismissal
const DISMISS_AS = String.raw`(?:call(?:s|ed)|describ(?:es|ed)|brand(?:s|ed)|term(?:s|ed))\s+(?:the|his|her|their|these|those|its|this|that)\s+(?:[\p{L}-]+\s+){0,2}?(?:report|allegations?|claims?|accusations?|charges?|story|article|findings|case|indictment|designation|sanctions|investigation|probe|complaint|lawsuit|account)\s+(?:as\s+)?(?:["“‘]|a\s+|an\s+)`;
// "called her “a bitter ex-partner”": a verdict on the accuser
const DISMISS_PERSON = String.raw`call(?:s|ed)\s+(?:him|her|them|the\s+(?:[\p{L}-]+\s+)?(?:whistleblower|accuser|analyst|author|critic|reporter|journalist))\s+(?:["“‘]|a\s+(?:liar|fantasist|bitter|disgruntled|fraud))`;
const QUESTION = String.raw`(?:question(?:s|ed)? whether|questioned|cast(?:s)? doubt|expressed (?:confusion|doubt|scepticism|skepticism|surprise)|doubt(?:s|ed)? (?:that|whether)|contradict(?:s|ed)|challeng(?:es|ed))`;

// Denial content. Strong words deny whoever says them; a plain negation ("did not", "never") only
// when its subject is the speaker's side ("I", "we", "he", "my client", an organisation's "it"):
// "the file was never closed" or "the bank had never supervised it" report, they do not deny.
export const NEGATIVE_CONTENT = /\b(?:nothing to do|no wrongdoing|did nothing wrong|done nothing wrong|not true|untrue|ridiculous|fake news|nonsense|baseless|absurd|no truth|false|fabricat\w*|forged|forgery|lies|smear|slander\w*|defamat\w*|categorically|innocent|had no (?:role|part|involvement|knowledge)|no (?:involvement|connection|links?|ties|relationship)|kn(?:ew|ow|ows) nothing|unfounded|groundless|misleading|politically motivated|witch hunt|denial|riddled with errors|inaccurate|rumou?rs|no basis|(?:did|does|do) not recogni[sz]e|committed no (?:crime|offen[cs]e)|no crime)\b/i;
const SELF_NEGATION = /\b(?:I|we|he|she|they|my client|his client|her client|our client|our company|the company|the firm|the club)\s+(?:had\s+|has\s+|have\s+|was\s+|would\s+|also\s+|["“]\s*)*(?:never|not|did not|does not|do not|didn't|doesn't|don't|has not|had not|have not|was not|is not|hasn't|hadn't|wasn't|isn't|cannot|no longer)\b/i;
// "… and had never met him", "Ralev had never asked him for anything": exculpatory negations
const SIDE_NEGATION = /\b(?:I|we|he|she|they)\b[^.;]{0,120}?\band\s+(?:had\s+|has\s+|have\s+|was\s+|is\s+|are\s+)?(?:never|not)\b|\b(?:never|not)\s+(?:\w+\s+){1,2}(?:him|her|me|us|my client|his client|her client)\b/i;
// "it enforces all the rules and is not obliged to …": a body's negation after its first verb
const IT_SIDE_NEGATION = /\bit\s+\w+s\b[^.;]{0,120}?\band\s+(?:is\s+|was\s+|has\s+|had\s+)?(?:never|not)\b/i;
const IT_NEGATION = /\bit\s+(?:had\s+|has\s+|was\s+|["“]\s*)*(?:never|not|did not|does not|didn't|doesn't|has not|had not|is not|hasn't|hadn't|isn't|cannot)\b/i;

/** Does this stretch of a claim deny, given whether its speaker is an organisation? */
export function deniesIn(s: string, speakerIsOrg: boolean): boolean {
  return NEGATIVE_CONTENT.test(s) || SELF_NEGATION.test(s) || SIDE_NEGATION.test(s) || (speakerIsOrg && (IT_NEGATION.test(s) || IT_SIDE_NEGATION.test(s)));
}

export function findCues(s: string): Cue[] {
  const cues: Cue[] = [];
  const add = (re: RegExp, make: (m: RegExpExecArray) => Cue | null) => {
    for (const m of s.matchAll(re)) {
      const c = make(m as RegExpExecArray);
      if (c) cues.push(c);
    }
  };
  // unattributed doubt and reporting first: they own their span
  add(/\b(?:it\s+)?(?:remains?|remained|is|was|is still|was still)\s+(?:unclear|not clear|uncertain|unknown)\s+(?:whether|if|how|why|who|what)\b/gi, (m) => ({ start: m.index, end: m.index + m[0].length, stance: 'questions', who: 'none' }));
  add(/\bquestions?\s+(?:were|was|have been|has been|are|is)\s+(?:also\s+)?(?:raised|asked)\b|\b(?:raises?|raised|fuel(?:s|ed|led)?)\s+(?:further\s+|new\s+|more\s+)?questions\b|\b(?:left|are)\s+wondering\b|\bmore questions arise\b/gi, (m) => ({ start: m.index, end: m.index + m[0].length, stance: 'questions', who: 'none' }));
  add(/\b((?:[\p{Lu}\p{Ll}][\p{L}-]*\s+){0,3}(?:reports?|records|documents|files|emails|data|leaks?|papers|filings|sources|accounts)(?:\s+(?:from|in|by|of|seen by|obtained by|reviewed by|filed with|published by)\s+(?:the\s+)?[\p{L}\d\s-]{2,40}?)?)\s+(?:suggest(?:s|ed)?|indicate(?:s|d)?|show(?:s|ed)?|appear(?:s|ed)? to show|claim(?:s|ed)?|say|said|allege[sd]?|list(?:s|ed)?|name(?:s|d)?)\b/giu, (m) => {
    const label = m[1]!.trim().replace(/^(?:.*\b(?:why|how|whether|that|what|and|but|when)\s+)/i, '');
    if (!/\b(?:reports?|records|documents|files|emails|data|leaks?|papers|filings|sources|accounts)\b/i.test(label)) return null;
    return { start: m.index, end: m.index + m[0].length, stance: 'reports', who: 'label', label };
  });
  add(/\b(?:is|are|was|were|has been|have been)\s+(?:widely\s+|also\s+)?(?:suspected|believed|alleged|rumou?red|reported|thought|said)\s+(?:to|of)\b|\b(?:reportedly|allegedly|rumou?rs?\s+(?:emerged|circulated|suggest))\b|\bappear(?:s|ed)? to (?:show|confirm|indicate)\b|\b(?:recent |media |press |news )?reports (?:have|had) \w+/gi, (m) => ({ start: m.index, end: m.index + m[0].length, stance: 'reports', who: 'none' }));
  // "In company filings reviewed by this publication he appears as …": documents seen by the reporter
  add(/\bin\s+(?:[\p{L}-]+\s+){0,3}(?:filings|records|documents|files|papers|registers?|archives?)\s+(?:reviewed|seen|obtained|examined)\s+by\s+[^,;.]{2,40}?(?=\s+(?:he|she|it|they|the|a|an|\p{Lu})\b)/giu, (m) => ({ start: m.index, end: m.index + m[0].length, stance: 'reports', who: 'none' }));
  add(/\baccording to\s+/gi, (m) => ({ start: m.index, end: m.index + m[0].length, stance: 'asserts', who: 'after' }));
  add(new RegExp(String.raw`\b${RETRACT}\b`, 'giu'), (m) => ({ start: m.index, end: m.index + m[0].length, stance: 'denies', who: 'before', retraction: true }));
  add(new RegExp(String.raw`\b${DISMISS_AS}`, 'giu'), (m) => ({ start: m.index, end: m.index + m[0].length, stance: 'denies', who: 'before' }));
  add(new RegExp(String.raw`\b${DISMISS_PERSON}`, 'giu'), (m) => ({ start: m.index, end: m.index + m[0].length, stance: 'denies', who: 'before' }));
  add(new RegExp(String.raw`\b${DENY}\b`, 'giu'), (m) => ({ start: m.index, end: m.index + m[0].length, stance: 'denies', who: 'before' }));
  add(/(?:,\s*|\bwhile\s+)(?:insisting|saying|adding|arguing|maintaining|claiming|noting|stressing|writing)\b/giu, (m) => ({ start: m.index, end: m.index + m[0].length, stance: 'asserts', who: 'before', participle: true }));
  add(new RegExp(String.raw`\b${QUESTION}\b`, 'giu'), (m) => ({ start: m.index, end: m.index + m[0].length, stance: 'questions', who: 'before' }));
  // "suggested that the reports could have been written by …", "said the indictment rested on the
  // word of …": casting doubt on the other side's account without a flat denial
  add(/\bsuggest(?:s|ed)\s+(?:that\s+)?(?=[^.;]{0,80}?\b(?:could|may|might)\s+have\b)|\b(?:said|says|argued|argues)\s+(?:that\s+)?(?=[^.;]{0,60}?\b(?:rest(?:s|ed)|relie[sd]|relying|based)\s+(?:only\s+|solely\s+|entirely\s+)?on\s+["“‘]?(?:the\s+)?(?:word|testimony|account)\s+of\b)/giu, (m) => ({ start: m.index, end: m.index + m[0].length, stance: 'questions', who: 'before' }));
  // a passive ("was added to", "has been charged") is something done to the subject, not said by it;
  // after a possessive or article ("the company's reported profit") the participle is an adjective
  add(new RegExp(String.raw`\b${SAY}\b`, 'giu'), (m) => (/\b(?:was|were|been|be|being|is|are)\s+(?:\w+ly\s+)?$|(?:['’]s|\b(?:the|its|their|his|her|our|a|an))\s+$/i.test(s.slice(Math.max(0, m.index - 24), m.index)) ? null : { start: m.index, end: m.index + m[0].length, stance: 'asserts', who: 'before' }));
  // drop cues inside another cue's span ("reports suggest" already covers "suggest")
  cues.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Cue[] = [];
  for (const c of cues) if (!out.some((o) => c.start >= o.start && c.start < o.end)) out.push(c);
  return out;
}
