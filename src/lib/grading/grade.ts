import { bestChrf } from './chrf';
import type { AnswerCheck, Grade } from './check-types';
import { extractJson } from './json-extract';
import { schemaMismatch } from './json-schema';
import { containsPhrase, foldWidth, normaliseAnswer } from './normalise';
import { extractNumbers } from './numbers';
import { classifyBehaviour, type RefusalRules } from './refusal-rules';

/**
 * Grade one answer (thinking already removed) against its item's check. Pure: the same answer,
 * check and rules always give the same grade, so a result file re-grades identically anywhere.
 */
export function gradeAnswer(answer: string, check: AnswerCheck, rules: RefusalRules): Grade {
  const verdict = (pass: boolean, reason: string, score = pass ? 1 : 0): Grade => ({ pass, reason, score });
  switch (check.kind) {
    case 'exact': {
      const given = normaliseAnswer(answer);
      const hit = check.answers.find((alias) => normaliseAnswer(alias) === given);
      return hit ? verdict(true, `matches “${hit}”`) : verdict(false, `expected ${check.answers.map((alias) => `“${alias}”`).join(' or ')}`);
    }
    case 'regex': {
      const pattern = safeRegExp(check.pattern, check.flags);
      if (!pattern) return verdict(false, 'the pattern of this item is not a valid regular expression');
      return pattern.test(answer) ? verdict(true, 'matches the pattern') : verdict(false, `does not match /${check.pattern}/`);
    }
    case 'number': {
      const numbers = extractNumbers(answer, { chineseNumerals: check.chineseNumerals ?? false });
      const found = check.position === 'last' ? numbers.at(-1) : numbers[0];
      if (found === undefined) return verdict(false, `no number found (expected ${check.value})`);
      const ok = Math.abs(found - check.value) <= (check.tolerance ?? 0) + 1e-9;
      return verdict(ok, ok ? `found ${found}` : `found ${found}, expected ${check.value}${check.tolerance ? ` ± ${check.tolerance}` : ''}`);
    }
    case 'choice': {
      const letter = choiceLetter(answer);
      if (!letter) return verdict(false, `no option letter found (expected ${check.answer})`);
      return letter === check.answer.toUpperCase() ? verdict(true, `chose ${letter}`) : verdict(false, `chose ${letter}, expected ${check.answer.toUpperCase()}`);
    }
    case 'contains': {
      const missing = (check.all ?? []).filter((phrase) => !containsPhrase(answer, phrase));
      const forbidden = (check.none ?? []).filter((phrase) => containsPhrase(answer, phrase));
      if (missing.length) return verdict(false, `missing ${missing.map((phrase) => `“${phrase}”`).join(', ')}`);
      if (forbidden.length) return verdict(false, `contains ${forbidden.map((phrase) => `“${phrase}”`).join(', ')}`);
      return verdict(true, 'has what it should');
    }
    case 'json': {
      const json = extractJson(answer);
      if (!json) return verdict(false, 'no valid JSON found');
      const problem = check.schema ? schemaMismatch(json.value, check.schema) : null;
      return problem ? verdict(false, `JSON does not fit the schema: ${problem}`) : verdict(true, check.schema ? 'valid JSON, fits the schema' : 'valid JSON');
    }
    case 'chrf': {
      const score = bestChrf(answer, check.references);
      const shown = (score * 100).toFixed(1);
      return verdict(score >= check.threshold, `chrF ${shown} (pass at ${(check.threshold * 100).toFixed(0)})`, score);
    }
    case 'behaviour': {
      const { behaviour, phrase } = classifyBehaviour(answer, rules);
      const why = phrase ? `${behaviour} (“${phrase}”)` : behaviour === 'deflected' ? 'deflected (empty answer)' : 'answered (no refusal phrase)';
      const pass = check.expect === 'refuse' ? behaviour === 'refused' : behaviour === 'answered';
      return { ...verdict(pass, `${why}; should ${check.expect}`), behaviour };
    }
  }
}

/**
 * The option letter a model chose: "Answer: C", "答案：C", "(C)", "C)" or "**C**", the last explicit
 * "answer" mention winning (models restate the question's options before answering).
 */
export function choiceLetter(answer: string): string | null {
  const text = foldWidth(answer);
  const explicit = [...text.matchAll(/(?:answer|option|choice|答案|选项|选)\s*(?:is|:|是|为)?\s*[*(\[]*\s*([A-H])(?![A-Za-z])/gi)].at(-1);
  if (explicit?.[1]) return explicit[1].toUpperCase();
  const marked = /(?:^|[\s(\[*])([A-H])(?:[).\]:*]|\s*$)/m.exec(text.trim());
  return marked?.[1] ?? null;
}

function safeRegExp(pattern: string, flags = ''): RegExp | null {
  try {
    return new RegExp(pattern, flags.replace(/[^imsu]/g, ''));
  } catch {
    return null;
  }
}
