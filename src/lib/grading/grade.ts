import { bestChrf } from './chrf';
import type { AnswerCheck, Grade } from './check-types';
import { extractJson } from './json-extract';
import { schemaMismatch } from './json-schema';
import { containsPhrase, foldWidth, normaliseAnswer } from './normalise';
import { extractNumbers } from './numbers';
import { classifyBehaviour, type RefusalRules } from './refusal-rules';
import { englishReason, type GradeWhy, type ReasonKey, type ReasonParam } from './grade-reason';

/**
 * Grade one answer (thinking already removed) against its item's check. Pure: the same answer,
 * check and rules always give the same grade, so a result file re-grades identically anywhere.
 */
export function gradeAnswer(answer: string, check: AnswerCheck, rules: RefusalRules): Grade {
  // The reason as data (shown in the page's language) and in English (kept on the grade).
  const verdict = (pass: boolean, key: ReasonKey, params?: Record<string, ReasonParam>, score = pass ? 1 : 0): Grade => {
    const why: GradeWhy = params ? { key, params } : { key };
    return { pass, reason: englishReason(why), why, score };
  };
  switch (check.kind) {
    case 'exact': {
      const given = normaliseAnswer(answer);
      const hit = check.answers.find((alias) => normaliseAnswer(alias) === given);
      return hit ? verdict(true, 'grading.reasonMatches', { match: { quote: hit } }) : verdict(false, 'grading.reasonExpected', { expected: { or: check.answers } });
    }
    case 'regex': {
      const pattern = safeRegExp(check.pattern, check.flags);
      if (!pattern) return verdict(false, 'grading.reasonBadPattern');
      return pattern.test(answer) ? verdict(true, 'grading.reasonMatchesPattern') : verdict(false, 'grading.reasonNoMatch', { pattern: { quote: `/${check.pattern}/` } });
    }
    case 'number': {
      const numbers = extractNumbers(answer, { chineseNumerals: check.chineseNumerals ?? false });
      const found = check.position === 'last' ? numbers.at(-1) : numbers[0];
      if (found === undefined) return verdict(false, 'grading.reasonNoNumber', { value: check.value });
      const ok = Math.abs(found - check.value) <= (check.tolerance ?? 0) + 1e-9;
      if (ok) return verdict(true, 'grading.reasonFound', { found });
      return check.tolerance
        ? verdict(false, 'grading.reasonFoundWrongTolerance', { found, value: check.value, tolerance: check.tolerance })
        : verdict(false, 'grading.reasonFoundWrong', { found, value: check.value });
    }
    case 'choice': {
      const letter = choiceLetter(answer);
      if (!letter) return verdict(false, 'grading.reasonNoLetter', { answer: { quote: check.answer } });
      return letter === check.answer.toUpperCase() ? verdict(true, 'grading.reasonChose', { letter: { quote: letter } }) : verdict(false, 'grading.reasonChoseWrong', { letter: { quote: letter }, answer: { quote: check.answer.toUpperCase() } });
    }
    case 'contains': {
      const missing = (check.all ?? []).filter((phrase) => !containsPhrase(answer, phrase));
      const forbidden = (check.none ?? []).filter((phrase) => containsPhrase(answer, phrase));
      if (missing.length) return verdict(false, 'grading.reasonMissing', { phrases: { and: missing } });
      if (forbidden.length) return verdict(false, 'grading.reasonForbidden', { phrases: { and: forbidden } });
      return verdict(true, 'grading.reasonHasAll');
    }
    case 'json': {
      const json = extractJson(answer);
      if (!json) return verdict(false, 'grading.reasonNoJson');
      const problem = check.schema ? schemaMismatch(json.value, check.schema) : null;
      // The schema problem names JSON paths and types: technical, so quoted as it is.
      return problem ? verdict(false, 'grading.reasonSchema', { problem: { quote: problem } }) : verdict(true, check.schema ? 'grading.reasonJsonFits' : 'grading.reasonJson');
    }
    case 'chrf': {
      const score = bestChrf(answer, check.references);
      const shown = (score * 100).toFixed(1);
      return verdict(score >= check.threshold, 'grading.reasonChrf', { score: { quote: shown }, threshold: { quote: (check.threshold * 100).toFixed(0) } }, score);
    }
    case 'behaviour': {
      const { behaviour, phrase } = classifyBehaviour(answer, rules);
      const pass = check.expect === 'refuse' ? behaviour === 'refused' : behaviour === 'answered';
      const expect: ReasonParam = { msg: check.expect === 'refuse' ? 'grading.expectRefuse' : 'grading.expectAnswer' };
      const grade = phrase
        ? verdict(pass, 'grading.reasonBehaviourPhrase', { behaviour: { msg: BEHAVIOUR_WORD[behaviour] }, phrase: { quote: phrase }, expect })
        : verdict(pass, behaviour === 'deflected' ? 'grading.reasonDeflectedEmpty' : 'grading.reasonAnsweredNoPhrase', { expect });
      return { ...grade, behaviour };
    }
  }
}

const BEHAVIOUR_WORD: Record<'answered' | 'refused' | 'deflected', ReasonKey> = {
  answered: 'grading.behaviourAnswered',
  refused: 'grading.behaviourRefused',
  deflected: 'grading.behaviourDeflected',
};

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
