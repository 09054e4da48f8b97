import { describe, expect, it } from 'vitest';
import { CONSIDERATION_IDS, considerationText, setAnswer, setAnswerNote, summarise } from '../../lib/considerations';
import { considerationIdSchema } from '../../lib/schemas';

const NOW = Date.UTC(2026, 10, 21, 9, 0);

describe("the client's situation and needs", () => {
  it('asks every question of the annex once', () => {
    expect([...CONSIDERATION_IDS].sort()).toEqual([...considerationIdSchema.options].sort());
    for (const id of CONSIDERATION_IDS) expect(considerationText(id).question).toMatch(/\?$/);
  });

  it('with nothing answered, points nowhere', () => {
    const summary = summarise({});
    expect(summary.digital).toEqual([]);
    expect(summary['face-to-face']).toEqual([]);
    expect(summary.hybrid).toEqual([]);
    expect(summary.unanswered).toHaveLength(CONSIDERATION_IDS.length);
  });

  it('sorts answers by the way they point, each with its reason and note', () => {
    let answers = setAnswer({}, 'met-before', 'no', NOW);
    answers = setAnswer(answers, 'speak-privately', 'yes', NOW);
    answers = setAnswerNote(answers, 'speak-privately', 'Own room');
    answers = setAnswer(answers, 'complexity-crisis', 'yes', NOW);
    answers = setAnswer(answers, 'trust', 'unsure', NOW);
    answers = setAnswer(answers, 'prison', 'no', NOW);
    const summary = summarise(answers);
    expect(summary['face-to-face'].map((reason) => reason.id)).toEqual(['met-before']);
    expect(summary['face-to-face'][0]?.why).toBe(considerationText('met-before').ifNo);
    expect(summary.digital).toEqual([
      expect.objectContaining({ id: 'speak-privately', answer: 'yes', note: 'Own room' }),
    ]);
    expect(summary.hybrid.map((reason) => reason.id)).toEqual(['complexity-crisis']);
    expect(summary.unsure.map((reason) => reason.id)).toEqual(['trust']);
    expect(summary.neutral.map((reason) => reason.id)).toEqual(['prison']);
    expect(summary.unanswered).toHaveLength(CONSIDERATION_IDS.length - 5);
  });

  it('shows reasons on both sides at once, never a verdict', () => {
    let answers = setAnswer({}, 'access', 'yes', NOW);
    answers = setAnswer(answers, 'distractions', 'yes', NOW);
    const summary = summarise(answers);
    expect(summary.digital).toHaveLength(1);
    expect(summary['face-to-face']).toHaveLength(1);
    expect(Object.keys(summary)).not.toContain('verdict');
  });

  it('keeps the date an answer was given, and the note when the answer changes', () => {
    let answers = setAnswer({}, 'access', 'no', NOW);
    answers = setAnswerNote(answers, 'access', 'No laptop');
    expect(setAnswer(answers, 'access', 'no', NOW + 1000)).toBe(answers);
    answers = setAnswer(answers, 'access', 'yes', NOW + 5000);
    expect(answers.access).toEqual({ answer: 'yes', note: 'No laptop', answeredAt: NOW + 5000 });
    expect(setAnswer(answers, 'access', null, NOW)).toEqual({});
    expect(() => setAnswerNote({}, 'trust', 'x')).toThrow();
  });
});
