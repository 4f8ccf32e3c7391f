/**
 * KPI.REQUIRED over the cascade ranges: the search is core's (`requiredActual`, src/core/required.ts);
 * this turns its answer into the cell's value, #N/A when there is none, #VALUE! for the KPI's own error.
 */

import { requiredActual } from '../core';
import { notAvailable, invalidValue } from './errors';
import { Answer, perId } from './kpi';

export function required(id: unknown, cascade: unknown): Answer[][] {
  return perId(id, cascade, 'score', 'parent-subtree', (node, computed) => {
    const answer = requiredActual(computed, node);
    if (answer.value !== null) return answer.value;
    return answer.reason === 'own-error' ? invalidValue(answer.message) : notAvailable(answer.message);
  });
}
