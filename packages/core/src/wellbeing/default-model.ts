import type { WheelModelContent } from './model.ts';

/**
 * Version 1 of the wheel, as "Barnens bästa gäller!" words it after GIRFEC's SHANARRI. A county
 * edits it into later versions; this one stays what the first assessments were made with.
 */
export const defaultWheelModel: WheelModelContent = {
  name: { sv: 'Barnets bästa-hjulet', en: 'The wellbeing wheel' },
  areas: [
    {
      code: 'safe',
      label: { sv: 'Trygg', en: 'Safe' },
      definition: { sv: 'Skyddad från övergrepp, försummelse och skada, hemma, i skolan och i samhället.', en: 'Protected from abuse, neglect and harm at home, at school and in the community.' },
      questions: [
        { sv: 'Känner sig barnet tryggt hemma, i skolan och på fritiden?', en: 'Does the child feel safe at home, at school and in their free time?' },
        { sv: 'Finns det något som gör barnet rädd eller orolig?', en: 'Is there anything that makes the child afraid or worried?' },
      ],
      child: { label: { sv: 'Trygg', en: 'Safe' }, question: { sv: 'Känner du dig trygg?', en: 'Do you feel safe?' } },
      icon: 'shield',
    },
    {
      code: 'healthy',
      label: { sv: 'Må bra', en: 'Healthy' },
      definition: { sv: 'God fysisk och psykisk hälsa, tillgång till vård och stöd för hälsosamma val.', en: 'Good physical and mental health, access to care, and support for healthy choices.' },
      questions: [
        { sv: 'Hur mår barnet i kroppen och i knoppen?', en: 'How is the child in body and mind?' },
        { sv: 'Sover, äter och rör sig barnet på ett sätt som fungerar?', en: 'Does the child sleep, eat and move in a way that works?' },
      ],
      child: { label: { sv: 'Må bra', en: 'Healthy' }, question: { sv: 'Mår du bra i kroppen och i huvudet?', en: 'Do you feel well in your body and your mind?' } },
      icon: 'heart',
    },
    {
      code: 'achieving',
      label: { sv: 'Utvecklas', en: 'Achieving' },
      definition: { sv: 'Stöd att lära och utvecklas, i skolan och på fritiden, och att känna sig kapabel.', en: 'Support to learn and develop, at school and in free time, and to feel capable.' },
      questions: [
        { sv: 'Får barnet lära sig och utvecklas efter sina förutsättningar?', en: 'Does the child learn and develop according to their abilities?' },
        { sv: 'Vad är barnet bra på och stolt över?', en: 'What is the child good at and proud of?' },
      ],
      child: { label: { sv: 'Lär mig', en: 'Learning' }, question: { sv: 'Får du lära dig nya saker?', en: 'Do you get to learn new things?' } },
      icon: 'sprout',
    },
    {
      code: 'nurtured',
      label: { sv: 'Omvårdad', en: 'Nurtured' },
      definition: { sv: 'Ett hem med omsorg och vuxna som ger kärlek, stöd och gränser.', en: 'A caring home with adults who give love, support and boundaries.' },
      questions: [
        { sv: 'Har barnet vuxna omkring sig som ger omsorg?', en: 'Does the child have caring adults around them?' },
        { sv: 'Får barnet det hen behöver hemma: mat, kläder, vila och närhet?', en: 'Does the child get what they need at home: food, clothes, rest and closeness?' },
      ],
      child: { label: { sv: 'Omtanke', en: 'Cared for' }, question: { sv: 'Finns det vuxna som bryr sig om dig?', en: 'Are there adults who care about you?' } },
      icon: 'home',
    },
    {
      code: 'active',
      label: { sv: 'Aktiv', en: 'Active' },
      definition: { sv: 'Möjlighet till lek, idrott, kultur och fritid som bidrar till utveckling.', en: 'Opportunities for play, sport, culture and leisure that help the child grow.' },
      questions: [
        { sv: 'Har barnet en fritid med lek, rörelse eller aktiviteter hen tycker om?', en: 'Does the child have free time with play, movement or activities they enjoy?' },
      ],
      child: { label: { sv: 'Aktiv', en: 'Active' }, question: { sv: 'Får du göra roliga saker på fritiden?', en: 'Do you get to do fun things in your free time?' } },
      icon: 'ball',
    },
    {
      code: 'respected',
      label: { sv: 'Respekterad', en: 'Respected' },
      definition: { sv: 'Blir lyssnad på och får vara med och påverka beslut som rör en själv.', en: 'Being listened to and involved in decisions that affect oneself.' },
      questions: [
        { sv: 'Blir barnet lyssnat på, och får hen vara med när beslut om hen fattas?', en: 'Is the child listened to, and involved when decisions about them are made?' },
      ],
      child: { label: { sv: 'Lyssnad på', en: 'Listened to' }, question: { sv: 'Lyssnar vuxna på vad du tycker?', en: 'Do adults listen to what you think?' } },
      icon: 'hand',
    },
    {
      code: 'responsible',
      label: { sv: 'Ansvarstagande', en: 'Responsible' },
      definition: { sv: 'Möjlighet att ta ansvar efter ålder och mognad, med vuxnas stöd och vägledning.', en: 'Opportunities to take responsibility for their age and maturity, with adults’ support and guidance.' },
      questions: [
        { sv: 'Får barnet ta ansvar på ett sätt som passar ålder och mognad?', en: 'Does the child take responsibility in a way that fits their age and maturity?' },
      ],
      child: { label: { sv: 'Tar ansvar', en: 'Responsible' }, question: { sv: 'Får du bestämma och ta ansvar för saker?', en: 'Do you get to decide and take care of things?' } },
      icon: 'compass',
    },
    {
      code: 'included',
      label: { sv: 'Delaktig', en: 'Included' },
      definition: { sv: 'Att höra till: vänner, gemenskap och ett samhälle som inte stänger ute.', en: 'Belonging: friends, community and a society that does not shut anyone out.' },
      questions: [
        { sv: 'Har barnet vänner och känner sig barnet som en del av gemenskapen?', en: 'Does the child have friends and feel part of the community?' },
      ],
      child: { label: { sv: 'Med i gemenskapen', en: 'Included' }, question: { sv: 'Känner du att du hör till, med vänner och andra?', en: 'Do you feel you belong, with friends and others?' } },
      icon: 'people',
    },
  ],
  scale: [
    { value: 1, label: { sv: 'Mycket svårt', en: 'Very hard' }, childLabel: { sv: 'Inte bra alls', en: 'Not good at all' } },
    { value: 2, label: { sv: 'Svårt', en: 'Hard' }, childLabel: { sv: 'Inte så bra', en: 'Not so good' } },
    { value: 3, label: { sv: 'Varken eller', en: 'In between' }, childLabel: { sv: 'Okej', en: 'Okay' } },
    { value: 4, label: { sv: 'Bra', en: 'Good' }, childLabel: { sv: 'Bra', en: 'Good' } },
    { value: 5, label: { sv: 'Mycket bra', en: 'Very good' }, childLabel: { sv: 'Jättebra', en: 'Really good' } },
  ],
};
