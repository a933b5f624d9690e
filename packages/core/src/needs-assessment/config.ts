import { z } from 'zod';
import { LocalizedText } from '../wellbeing/model.ts';

/**
 * The needs assessment's configuration (after BBIC's triangle and GIRFEC's My World Triangle):
 * the three sides of the child's world are fixed and have stable codes; each side's sub-areas are
 * the county's configuration. Like the wheel's model it is versioned: an edit is the next version,
 * and each assessment keeps the version it was made with, so it reads in that version's words.
 */

/** The three sides of the child's world, by stable code, in the triangle's order. */
export const needsSideCodes = ['development', 'care', 'wider_world'] as const;
export const NeedsSide = z.enum(needsSideCodes);
export type NeedsSide = z.infer<typeof NeedsSide>;

/** A sub-area's stable code: what assessments and the resilience matrix point at, whatever the labels say. */
export const SubAreaCode = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'sub_area_code');
export type SubAreaCode = z.infer<typeof SubAreaCode>;

export const SubAreaConfig = z.object({
  code: SubAreaCode,
  label: LocalizedText,
  /** What the sub-area covers: a prompt for the writer, not a checklist to score. */
  description: LocalizedText,
});
export type SubAreaConfig = z.infer<typeof SubAreaConfig>;

export const NeedsSideConfig = z.object({
  code: NeedsSide,
  label: LocalizedText,
  description: LocalizedText,
  subAreas: z.array(SubAreaConfig).min(1).max(15),
});
export type NeedsSideConfig = z.infer<typeof NeedsSideConfig>;

export const NeedsConfigContent = z
  .object({
    name: LocalizedText,
    sides: z.array(NeedsSideConfig).length(needsSideCodes.length),
  })
  .superRefine((c, ctx) => {
    for (const [i, code] of needsSideCodes.entries()) {
      if (c.sides[i]?.code !== code) ctx.addIssue({ code: 'custom', path: ['sides', i, 'code'], message: 'side_order' });
    }
    // A code names one sub-area across the whole triangle: the matrix links factors by code alone.
    const seen = new Set<string>();
    for (const [i, side] of c.sides.entries()) {
      for (const [j, sub] of side.subAreas.entries()) {
        if (seen.has(sub.code)) ctx.addIssue({ code: 'custom', path: ['sides', i, 'subAreas', j, 'code'], message: 'sub_area_twice' });
        seen.add(sub.code);
      }
    }
  });
export type NeedsConfigContent = z.infer<typeof NeedsConfigContent>;

/** An administrator's edit: the whole configuration as the next version, on the version it edits. */
export const NeedsConfigInput = z.object({
  basedOn: z.number().int().positive(),
  content: NeedsConfigContent,
  note: z.string().trim().max(500),
});
export type NeedsConfigInput = z.infer<typeof NeedsConfigInput>;

export const NeedsConfigVersion = z
  .object({
    id: z.uuid(),
    version: z.number().int().positive(),
    content: NeedsConfigContent,
    note: z.string(),
    createdAt: z.iso.datetime(),
    createdBy: z.string().nullable(),
  })
  .meta({ id: 'NeedsAssessmentConfigVersion' });
export type NeedsConfigVersion = z.infer<typeof NeedsConfigVersion>;

export const NeedsConfigList = z.object({ current: NeedsConfigVersion, versions: z.array(NeedsConfigVersion) }).meta({ id: 'NeedsAssessmentConfigList' });
export type NeedsConfigList = z.infer<typeof NeedsConfigList>;

/** Every sub-area of a version, with its side, in the triangle's order. */
export function subAreasOf(content: Pick<NeedsConfigContent, 'sides'>): (SubAreaConfig & { side: NeedsSide })[] {
  return content.sides.flatMap((s) => s.subAreas.map((sub) => ({ ...sub, side: s.code })));
}

/** A sub-area of a version by its code, or undefined when that version has none by it. */
export function subAreaOf(content: Pick<NeedsConfigContent, 'sides'>, code: string): (SubAreaConfig & { side: NeedsSide }) | undefined {
  return subAreasOf(content).find((s) => s.code === code);
}
