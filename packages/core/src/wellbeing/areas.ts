import { z } from 'zod';

/**
 * The wellbeing wheel's eight areas (välbefinnandehjulet, after GIRFEC's SHANARRI), by stable code.
 * Labels, definitions, questions and the child-friendly wording live in the versioned wheel model;
 * these codes never change, so concerns, needs, goals and assessments made with any model version
 * point at the same area.
 */
export const wellbeingAreaCodes = ['safe', 'healthy', 'achieving', 'nurtured', 'active', 'respected', 'responsible', 'included'] as const;

export const wellbeingAreaSchema = z.enum(wellbeingAreaCodes);
export type WellbeingArea = (typeof wellbeingAreaCodes)[number];
