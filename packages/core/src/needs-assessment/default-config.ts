import type { NeedsConfigContent, SubAreaConfig } from './config.ts';

const sub = (code: string, sv: string, en: string, descriptionSv: string, descriptionEn: string): SubAreaConfig => ({ code, label: { sv, en }, description: { sv: descriptionSv, en: descriptionEn } });

/**
 * Version 1 of the needs assessment: the three sides in the child's words ("Barnens bästa gäller!"
 * after GIRFEC's My World Triangle), with the sub-areas of Social Services' BBIC triangle (barnets
 * utveckling, föräldrarnas förmåga, familj och miljö), so a school's assessment and social services'
 * investigation speak of the same things. A county edits it into later versions; this one stays
 * what the first assessments were made with.
 */
export const defaultNeedsConfig: NeedsConfigContent = {
  name: { sv: 'Behovsbedömning – Min värld', en: 'Needs assessment – My World' },
  sides: [
    {
      code: 'development',
      label: { sv: 'Hur jag växer och utvecklas', en: 'How I grow and develop' },
      description: { sv: 'Barnets utveckling (BBIC): hälsa, lärande, känslor, identitet och relationer.', en: "The child's development (BBIC): health, learning, feelings, identity and relationships." },
      subAreas: [
        sub('health', 'Hälsa', 'Health', 'Fysisk och psykisk hälsa, tandhälsa, sömn, mat och tillgång till vård.', 'Physical and mental health, dental health, sleep, food and access to care.'),
        sub('learning', 'Utbildning och lärande', 'Learning and education', 'Förskola och skola, närvaro, lärande, stöd och det barnet är bra på.', 'Preschool and school, attendance, learning, support and what the child is good at.'),
        sub('emotions_behaviour', 'Känslor och beteende', 'Emotional and behavioural development', 'Hur barnet uttrycker och hanterar känslor, oro och stress.', 'How the child expresses and handles feelings, worry and stress.'),
        sub('identity', 'Identitet', 'Identity', 'Självkänsla, bakgrund, kultur, språk, tro och hur barnet ser på sig själv.', 'Self-esteem, background, culture, language, faith and how the child sees themselves.'),
        sub('relationships', 'Familj och sociala relationer', 'Family and social relationships', 'Relationer till föräldrar, syskon, släkt, vänner och andra vuxna.', 'Relationships with parents, siblings, relatives, friends and other adults.'),
        sub('social_presentation', 'Socialt uppträdande', 'Social presentation', 'Hur barnet möter andra och hur andra uppfattar barnet.', 'How the child meets others and how others see the child.'),
        sub('self_care', 'Att klara sig själv', 'Self-care skills', 'Att klara vardagen efter ålder och förmåga: hygien, kläder, tider, ansvar.', 'Managing everyday life for age and ability: hygiene, clothes, times, responsibility.'),
      ],
    },
    {
      code: 'care',
      label: { sv: 'Vad jag behöver från dem som tar hand om mig', en: 'What I need from the people who look after me' },
      description: { sv: 'Föräldrarnas förmåga (BBIC): omsorg, trygghet, värme, stimulans, gränser och stabilitet.', en: "Parenting capacity (BBIC): care, safety, warmth, stimulation, boundaries and stability." },
      subAreas: [
        sub('basic_care', 'Grundläggande omsorg', 'Basic care', 'Mat, kläder, hygien, boende och vård när barnet behöver det.', 'Food, clothes, hygiene, a home and care when the child needs it.'),
        sub('safety', 'Säkerhet', 'Ensuring safety', 'Skydd mot våld, övergrepp och andra faror, i och utanför hemmet.', 'Protection from violence, abuse and other dangers, in and outside the home.'),
        sub('emotional_warmth', 'Känslomässig tillgänglighet', 'Emotional warmth', 'Värme, närhet, bekräftelse och vuxna som finns där.', 'Warmth, closeness, recognition and adults who are there.'),
        sub('stimulation', 'Stimulans', 'Stimulation', 'Lek, lärande, nyfikenhet och stöd i skolarbetet.', 'Play, learning, curiosity and support with school work.'),
        sub('guidance_boundaries', 'Vägledning och gränssättning', 'Guidance and boundaries', 'Rimliga gränser, förebilder och hjälp att förstå rätt och fel.', 'Reasonable boundaries, role models and help to understand right and wrong.'),
        sub('stability', 'Stabilitet', 'Stability', 'Kontinuitet i relationer, boende, skola och vardag.', 'Continuity in relationships, home, school and everyday life.'),
      ],
    },
    {
      code: 'wider_world',
      label: { sv: 'Min omvärld', en: 'My wider world' },
      description: { sv: 'Familj och miljö (BBIC): familjens situation, nätverk, boende, ekonomi och samhället runt barnet.', en: "Family and environment (BBIC): the family's situation, network, housing, income and the community around the child." },
      subAreas: [
        sub('family_history', 'Familjens bakgrund och situation', 'Family history and functioning', 'Händelser och förhållanden i familjen som påverkar barnet.', "Events and circumstances in the family that affect the child."),
        sub('wider_family', 'Släkt och nätverk', 'Wider family and network', 'Släktingar, vänner och andra viktiga personer som kan stödja.', 'Relatives, friends and other important people who can support.'),
        sub('housing', 'Boende', 'Housing', 'Boendets trygghet, utrymme och stabilitet.', 'How safe, spacious and stable the home is.'),
        sub('work_income', 'Arbete och ekonomi', 'Employment and income', 'Föräldrarnas sysselsättning och familjens ekonomi.', "The parents' employment and the family's income."),
        sub('social_integration', 'Social integrering', 'Social integration', 'Familjens delaktighet i grannskapet och samhället.', "The family's part in the neighbourhood and community."),
        sub('community_resources', 'Lokalsamhällets resurser', 'Community resources', 'Förskola, skola, fritid, vård och föreningar som finns nära.', 'Preschool, school, leisure, care and associations close by.'),
      ],
    },
  ],
};
