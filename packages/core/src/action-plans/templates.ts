import type { ActionPlanTemplate } from './schema.ts';

/**
 * The plan templates: a general plan, suicide prevention and school completion. A template gives
 * a new plan its first sub-goals and activities, in the language of whoever creates it; from
 * then on they are the plan's own text, written by its owners. The activities take the owner as
 * responsible and the plan's period as dates, to be changed.
 */

interface TemplateText {
  sv: string;
  en: string;
}

export interface TemplateSubGoal {
  title: TemplateText;
  activities: { title: TemplateText; followUp: TemplateText; communication: { audience: TemplateText; channel: TemplateText; when: TemplateText }[] }[];
}

const t = (sv: string, en: string): TemplateText => ({ sv, en });
const everyTerm = { audience: t('Styrgruppen', 'The steering group'), channel: t('Möte', 'Meeting'), when: t('Varje termin', 'Every term') };

export const actionPlanTemplateContents: Record<ActionPlanTemplate, TemplateSubGoal[]> = {
  general: [
    {
      title: t('Delmål 1', 'Sub-goal 1'),
      activities: [{ title: t('Aktivitet 1', 'Activity 1'), followUp: t('Uppföljning vid varje avstämning', 'Follow-up at every check-in'), communication: [everyTerm] }],
    },
  ],
  suicide_prevention: [
    {
      title: t('Fler vuxna runt barn och unga kan upptäcka och agera vid suicidrisk', 'More adults around children and young people can recognise and act on a risk of suicide'),
      activities: [
        { title: t('Utbildning i första hjälpen till psykisk hälsa för personal i skola och fritid', 'Mental health first aid training for school and leisure staff'), followUp: t('Andel utbildad personal per enhet', 'Share of trained staff per unit'), communication: [{ audience: t('Rektorer och enhetschefer', 'Head teachers and unit managers'), channel: t('Nyhetsbrev', 'Newsletter'), when: t('Inför varje termin', 'Before every term') }] },
        { title: t('Gemensam rutin för att agera vid oro för suicid', 'A joint routine for acting on a concern about suicide'), followUp: t('Rutinen är beslutad och känd: enkät till personalen', 'The routine is decided and known: a staff survey'), communication: [everyTerm] },
      ],
    },
    {
      title: t('Unga med psykisk ohälsa får stöd i tid', 'Young people with mental ill-health get support in time'),
      activities: [
        { title: t('Samordnad väg in mellan elevhälsa, ungdomsmottagning och BUP', 'One coordinated way in between student health, youth clinic and child psychiatry'), followUp: t('Väntetid till första kontakt', 'Waiting time to a first contact'), communication: [{ audience: t('Unga och vårdnadshavare', 'Young people and guardians'), channel: t('Webbplats och skolans kanaler', 'Website and the schools’ channels'), when: t('När vägen in öppnar', 'When the way in opens') }] },
      ],
    },
  ],
  school_completion: [
    {
      title: t('Fler elever når behörighet till gymnasiet', 'More pupils become eligible for upper secondary school'),
      activities: [
        { title: t('Tidig uppföljning av frånvaro med gemensam trappa', 'Early follow-up of absence with a shared escalation ladder'), followUp: t('Andel elever med hög frånvaro, per termin', 'Share of pupils with high absence, per term'), communication: [everyTerm] },
        { title: t('Stöd i övergången från årskurs 9 till gymnasiet', 'Support in the transition from year 9 to upper secondary school'), followUp: t('Andel som påbörjar gymnasiet', 'Share who start upper secondary school'), communication: [{ audience: t('Elever i årskurs 9 och vårdnadshavare', 'Year 9 pupils and guardians'), channel: t('Föräldramöte', 'Parents’ meeting'), when: t('Höstterminen', 'Autumn term') }] },
      ],
    },
    {
      title: t('Unga utanför studier och arbete nås av det kommunala aktivitetsansvaret', 'Young people outside studies and work are reached by the municipal activity responsibility'),
      activities: [
        { title: t('Uppsökande kontakt inom fyra veckor efter avbrott', 'Outreach contact within four weeks of dropping out'), followUp: t('Andel kontaktade inom fyra veckor', 'Share contacted within four weeks'), communication: [everyTerm] },
      ],
    },
  ],
};
