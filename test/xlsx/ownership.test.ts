/** The ownership marker's text format, shared with the Excel add-in. */
import { markerFormula, parseMarkerFormula } from '../../src/core';
import { nextMarkerName } from '../../src/core/ownership';

describe('ownership marker', () => {
  it('is a quoted "Sheet|Table|Headers" text constant', () => {
    expect(markerFormula({ sheet: 'KPIs', table: 'Team', headers: ['Progress', 'Score'] })).toBe('"KPIs|Team|Progress,Score"');
    expect(markerFormula({ sheet: 'Plain', table: null, headers: ['Path'] })).toBe('"Plain||Path"');
  });

  it('doubles quotes and escapes separators inside names, and reads them back', () => {
    const owned = { sheet: 'Q3 "final", v2|b', table: null, headers: ['Score, adj.', 'Back\\slash'] };
    const formula = markerFormula(owned);
    expect(formula).toBe('"Q3 ""final""\\, v2\\|b||Score\\, adj.,Back\\\\slash"');
    expect(parseMarkerFormula(formula)).toEqual(owned);
  });

  it('cuts texts longer than 255 characters into pieces joined with &', () => {
    const headers = Array.from({ length: 40 }, (_, i) => `Computed column ${i}`);
    const formula = markerFormula({ sheet: 'S', table: 'T', headers });
    const pieces = formula.split('"&"');
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.every((piece) => piece.replace(/^"|"$/g, '').length <= 255)).toBe(true);
    expect(parseMarkerFormula(formula)).toEqual({ sheet: 'S', table: 'T', headers });
  });

  it('ignores names that are not markers', () => {
    expect(parseMarkerFormula('Sheet1!$A$1')).toBeNull();
    expect(parseMarkerFormula('"only|two"')).toBeNull();
    expect(parseMarkerFormula('="S|T|A"')).toEqual({ sheet: 'S', table: 'T', headers: ['A'] });
  });

  it('numbers new markers after the highest in use', () => {
    const marker = (definedName: string) => ({ definedName, sheet: 'S', table: null, headers: [] });
    expect(nextMarkerName([])).toBe('_KPIAlign_Owned_1');
    expect(nextMarkerName([marker('_KPIAlign_Owned_1'), marker('_KPIAlign_Owned_7')])).toBe('_KPIAlign_Owned_8');
  });
});
