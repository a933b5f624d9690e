import { describe, expect, it } from 'vitest';
import { missingSipContents, sipRequiredContents, type SipContentsFacts } from './sip-contents.ts';

const complete: SipContentsFacts = {
  interventionsNeeded: ['Stöd i skolan och behandling för oro'],
  municipalityInterventions: ['Familjebehandlare varannan vecka'],
  regionInterventions: ['BUP: samtal var tredje vecka'],
  othersInterventions: ['Skolan: anpassad studiegång'],
  noOthersTakePart: false,
  overallResponsibility: 'municipality',
};

describe('a SIP’s statutory contents (SoL and HSL 16 kap. 4 §)', () => {
  it('may be established when everything is there', () => {
    expect(missingSipContents(complete)).toEqual([]);
  });

  it('names each part that is missing, blank text counting as missing', () => {
    const empty: SipContentsFacts = { interventionsNeeded: [' '], municipalityInterventions: [], regionInterventions: [], othersInterventions: [], noOthersTakePart: false, overallResponsibility: null };
    expect(missingSipContents(empty)).toEqual([...sipRequiredContents]);
    expect(missingSipContents({ ...complete, regionInterventions: [] })).toEqual(['region_interventions']);
    expect(missingSipContents({ ...complete, overallResponsibility: null })).toEqual(['overall_responsibility']);
  });

  it('accepts that no one else takes part, when the plan says so', () => {
    expect(missingSipContents({ ...complete, othersInterventions: [], noOthersTakePart: true })).toEqual([]);
    expect(missingSipContents({ ...complete, othersInterventions: [] })).toEqual(['others_interventions']);
  });
});
