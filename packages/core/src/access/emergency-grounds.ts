import type { InfoCategory } from '../children/schema.ts';

/**
 * Which information categories an emergency access opens, by the legal ground it was opened on
 * (the `legal_ground` table's codes). Every emergency access shows the record, the team and the
 * consents, so the opener knows whom to call; beyond that only what the ground is for:
 * - `osl_emergency_health` (OSL 25 kap. 13 §): health care averting a danger to life or health;
 * - `lvu_urgent` (LVU 6 §): social services considering immediate care;
 * - `brb_necessity` (BrB 24 kap. 4 §): anyone else facing an acute danger, the concerns and the plan.
 * A ground not listed here opens no information category: a new ground opens nothing until the
 * policy says what it is for.
 */
export const emergencyGroundOpens: Readonly<Record<string, readonly InfoCategory[]>> = {
  osl_emergency_health: ['health', 'concern', 'plan', 'wellbeing'],
  lvu_urgent: ['social_services', 'concern', 'plan', 'wellbeing', 'school'],
  brb_necessity: ['concern', 'plan'],
};
